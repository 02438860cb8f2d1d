"""Schemas → TypeRefs and Models. Named schemas become models; inline objects get derived names."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..ir import Model, Property, TypeRef
from ..problems import join_pointer, split_pointer
from .context import BuildContext, text

_ANY = TypeRef("any")
# Attributes every generated model has; a spec property with one of these names gets a suffix.
MODEL_RESERVED = frozenset({"to_dict", "from_dict", "additional_properties"})


class SchemaResolver:
    """Turns schemas into ``TypeRef``s, registering a ``Model`` for every object schema it meets."""

    def __init__(self, ctx: BuildContext, namer: naming.Namer) -> None:
        self.ctx = ctx
        self.namer = namer
        self.models: dict[str, Model] = {}  # by pointer of the schema, in discovery order
        self.class_names: dict[str, str] = {}  # pointer → class name, decided before properties
        self.in_progress: set[str] = set()

    def component_pointer(self) -> str:
        return "#/definitions" if self.ctx.version == "2.0" else "#/components/schemas"

    def register_components(self) -> None:
        """Give every named object schema its class name first, so references resolve in any order."""
        base = self.component_pointer()
        schemas: Any = self.ctx.doc.data
        for token in split_pointer(base):
            schemas = schemas.get(token) if isinstance(schemas, dict) else None
        if not isinstance(schemas, dict):
            return
        for key, schema in schemas.items():
            pointer = join_pointer(base, key)
            if self._is_object(schema):
                self._class_name(pointer, key)
        for key in schemas:
            pointer = join_pointer(base, key)
            if pointer in self.class_names:
                self.model_for(pointer)

    def _class_name(self, pointer: str, wire: str) -> str:
        if pointer not in self.class_names:
            name, changed = self.namer.claim(naming.pascal(wire))
            if changed:
                self.ctx.warn(f"schema {wire!r} is named {name} to avoid a clash with another Python name", pointer)
            self.class_names[pointer] = name
        return self.class_names[pointer]

    @staticmethod
    def _is_object(schema: Any) -> bool:
        if not isinstance(schema, dict) or "$ref" in schema:
            return False
        kind = schema.get("type")
        return bool(schema.get("properties")) or kind == "object" and not schema.get("additionalProperties")

    def resolve(self, schema: Any, pointer: str, name_hint: str, *, for_parameter: bool = False) -> TypeRef:
        if not isinstance(schema, dict):
            return _ANY
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target, target_pointer = self.ctx.deref(schema, pointer)
            if target is None:
                return _ANY
            if target_pointer in self.class_names or self._is_object(target):
                return TypeRef("model", model=self.model_for(target_pointer, target))
            return self.resolve(target, target_pointer, name_hint, for_parameter=for_parameter)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            return self.resolve(all_of[0], join_pointer(pointer, "allOf", 0), name_hint, for_parameter=for_parameter)
        for combinator in ("allOf", "oneOf", "anyOf"):
            if combinator in schema:
                self.ctx.warn(f"'{combinator}' is not supported yet; the value is typed as Any", join_pointer(pointer, combinator))
                return _ANY
        kind = schema.get("type")
        if isinstance(kind, list):  # OpenAPI 3.1: ["string", "null"]
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if len(kinds) == 1 else None
        fmt = schema.get("format") if isinstance(schema.get("format"), str) else ""
        if kind == "string":
            if fmt in ("date-time", "date-time-rfc1123", "date-time-rfc7231"):
                return TypeRef("datetime", "date-time-rfc1123" if fmt != "date-time" else fmt)
            if fmt == "date":
                return TypeRef("date", fmt)
            if fmt == "uuid" and for_parameter:
                return TypeRef("uuid", fmt)
            if fmt == "binary":
                return TypeRef("bytes", fmt)
            return TypeRef("str", fmt)
        if kind == "integer":
            return TypeRef("int", fmt)
        if kind == "number":
            return TypeRef("float", fmt)
        if kind == "boolean":
            return TypeRef("bool")
        if kind == "array":
            item = self.resolve(schema.get("items"), join_pointer(pointer, "items"), name_hint + "Item")
            return TypeRef("list", item=item)
        if self._is_object(schema):
            self._class_name(pointer, name_hint)
            return TypeRef("model", model=self.model_for(pointer, schema))
        if kind == "object" or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            item = self.resolve(extra, join_pointer(pointer, "additionalProperties"), name_hint + "Value") if isinstance(extra, dict) else _ANY
            return TypeRef("dict", item=item)
        return _ANY

    def model_for(self, pointer: str, schema: Any = None) -> str:
        name = self.class_names.get(pointer)
        if name is None:
            name = self._class_name(pointer, split_pointer(pointer)[-1] if pointer != "#" else "Model")
        if pointer in self.models or pointer in self.in_progress:
            return name
        if schema is None:
            schema, _ = self.ctx.deref({"$ref": pointer}, pointer)
        self.in_progress.add(pointer)
        try:
            self.models[pointer] = self._build_model(name, pointer, schema)
        finally:
            self.in_progress.discard(pointer)
        return name

    def _build_model(self, name: str, pointer: str, schema: dict[str, Any]) -> Model:
        props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = set(schema.get("required") or []) if isinstance(schema.get("required"), list) else set()
        namer = naming.Namer(MODEL_RESERVED)
        properties: list[Property] = []
        for wire, prop_schema in props.items():
            prop_pointer = join_pointer(pointer, "properties", wire)
            python, changed = namer.claim(naming.snake(wire, MODEL_RESERVED, attribute=True))
            if changed:
                self.ctx.warn(f"property {wire!r} is named {python} to avoid a clash with another property", prop_pointer)
            target, _ = self.ctx.deref(prop_schema, prop_pointer)
            type_ref = self.resolve(prop_schema, prop_pointer, name + naming.pascal(wire))
            description = text(prop_schema, "description", "title") or text(target, "description", "title")
            read_only = bool(isinstance(prop_schema, dict) and prop_schema.get("readOnly"))
            properties.append(Property(wire, python, type_ref, wire in required, description, read_only))
        return Model(name, split_pointer(pointer)[-1] if pointer != "#" else name, text(schema, "description", "title"), tuple(properties), pointer)
