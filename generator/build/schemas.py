"""Schemas → TypeRefs, Models and Enums. Named object schemas become models, named enums and
``x-ms-enum``s become enums; inline objects get derived names. ``allOf`` with one ``$ref`` is
inheritance; a ``discriminator`` on the root selects the subclass when decoding."""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import naming
from ..ir import EnumType, EnumValue, Model, Property, TypeRef
from ..problems import join_pointer, split_pointer
from .context import BuildContext, text

_ANY = TypeRef("any")
# Attributes every generated model has; a spec property with one of these names gets a suffix.
MODEL_RESERVED = frozenset({"to_dict", "from_dict", "additional_properties"})
_DATE_TIME_FORMATS = {"date-time": "date-time", "date-time-rfc1123": "date-time-rfc1123", "date-time-rfc7231": "date-time-rfc1123"}


class SchemaResolver:
    """Turns schemas into ``TypeRef``s, registering a ``Model`` for every object schema it meets."""

    def __init__(self, ctx: BuildContext, namer: naming.Namer) -> None:
        self.ctx = ctx
        self.namer = namer
        self.modules = naming.Namer({"_base"})
        self.models: dict[str, Model] = {}  # by pointer of the schema
        self.class_names: dict[str, str] = {}  # pointer → class name, decided before properties
        self.order: list[str] = []  # pointers of models and enum keys, in the order names were given
        self.enums: dict[str, EnumType] = {}  # by enum key (x-ms-enum name or pointer)
        self.enum_names: dict[str, str] = {}
        self.in_progress: set[str] = set()
        self.discriminators: dict[str, str] = {}  # root pointer → discriminator wire name
        self.discriminator_values: dict[str, str] = {}  # pointer → value
        self.bases: dict[str, str] = {}  # pointer → base pointer

    # -- names ------------------------------------------------------------------------------

    def component_pointer(self) -> str:
        return "#/definitions" if self.ctx.version == "2.0" else "#/components/schemas"

    def _claim_class(self, wire: str, pointer: str, what: str) -> str:
        name, changed = self.namer.claim(naming.pascal(wire))
        if changed:
            self.ctx.warn(f"{what} {wire!r} is named {name} to avoid a clash with another Python name", pointer)
        return name

    def _class_name(self, pointer: str, wire: str) -> str:
        if pointer not in self.class_names:
            self.class_names[pointer] = self._claim_class(wire, pointer, "schema")
            self.order.append(pointer)
        return self.class_names[pointer]

    def _module(self, class_name: str) -> str:
        return self.modules.claim("_" + naming.snake(class_name, attribute=True).rstrip("_"))[0]

    def register_components(self) -> None:
        """Give every named schema its class name first, so references resolve in any order."""
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
            elif self._enum_values(schema) is not None:
                self._enum_for(schema, pointer, key)
        for key in schemas:
            pointer = join_pointer(base, key)
            if pointer in self.class_names:
                self.model_for(pointer)

    # -- classification ---------------------------------------------------------------------

    @staticmethod
    def _is_object(schema: Any) -> bool:
        if not isinstance(schema, dict) or "$ref" in schema:
            return False
        if schema.get("properties") or schema.get("discriminator"):
            return True
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and (len(all_of) > 1 or schema.get("properties")):
            return True
        return schema.get("type") == "object" and not schema.get("additionalProperties") and not all_of

    @staticmethod
    def _enum_values(schema: Any) -> list[str] | None:
        if not isinstance(schema, dict) or not isinstance(schema.get("enum"), list):
            return None
        values = schema["enum"]
        if schema.get("type") not in (None, "string") or not values or not all(isinstance(v, str) for v in values):
            return None
        return values

    # -- enums ------------------------------------------------------------------------------

    def _enum_for(self, schema: dict[str, Any], pointer: str, name_hint: str) -> TypeRef | None:
        """An enum class for a named enum or an ``x-ms-enum`` with a name; None for anonymous ones."""
        values = self._enum_values(schema)
        if values is None:
            return None
        ext = schema.get("x-ms-enum") if isinstance(schema.get("x-ms-enum"), dict) else {}
        ext_name = ext.get("name") if isinstance(ext.get("name"), str) and naming.words(ext["name"]) else ""
        named_component = pointer.startswith(self.component_pointer() + "/") and len(split_pointer(pointer)) == len(split_pointer(self.component_pointer())) + 1
        if not ext_name and not named_component:
            return None
        key = f"x-ms-enum:{ext_name}" if ext_name else pointer
        if key not in self.enum_names:
            self.enum_names[key] = self._claim_class(ext_name or name_hint, pointer, "enum")
            self.order.append(key)
            described = {
                str(v.get("value")): (v.get("name"), text(v, "description"))
                for v in ext.get("values") or []
                if isinstance(v, dict) and "value" in v
            } if isinstance(ext.get("values"), list) else {}
            member_namer = naming.Namer()
            members = []
            for value in values:
                given, description = described.get(value, (None, ""))
                python, _ = member_namer.claim(naming.constant(given if isinstance(given, str) and given else value))
                members.append(EnumValue(python, value, description))
            class_name = self.enum_names[key]
            self.enums[key] = EnumType(
                class_name=class_name,
                wire_name=ext_name or split_pointer(pointer)[-1],
                description=text(schema, "description", "title"),
                values=tuple(members),
                pointer=pointer,
                module=self._module(class_name),
                model_as_string=bool(ext.get("modelAsString", True)) if ext else True,
            )
        return TypeRef("enum", model=self.enum_names[key])

    # -- types ------------------------------------------------------------------------------

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
            return self.resolve(target, target_pointer, split_pointer(target_pointer)[-1] if target_pointer != "#" else name_hint, for_parameter=for_parameter)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            return self.resolve(all_of[0], join_pointer(pointer, "allOf", 0), name_hint, for_parameter=for_parameter)
        for combinator in ("oneOf", "anyOf"):
            if combinator in schema:
                self.ctx.warn(f"'{combinator}' is not supported yet; the value is typed as Any", join_pointer(pointer, combinator))
                return _ANY
        fmt = schema.get("format") if isinstance(schema.get("format"), str) else ""
        if fmt in ("file", "binary") and schema.get("type") in ("object", "string", "file", None):
            return TypeRef("bytes" if for_parameter else "file", fmt)  # a download when in a response
        if self._is_object(schema):
            self._class_name(pointer, name_hint)
            return TypeRef("model", model=self.model_for(pointer, schema))
        kind = schema.get("type")
        if isinstance(kind, list):  # OpenAPI 3.1: ["string", "null"]
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if len(kinds) == 1 else None
        if kind == "file":
            return TypeRef("file", fmt)
        if kind == "string" or (kind is None and "enum" in schema):
            enum = self._enum_for(schema, pointer, name_hint)
            if enum is not None:
                return enum
            if fmt in _DATE_TIME_FORMATS:
                return TypeRef("datetime", _DATE_TIME_FORMATS[fmt])
            if fmt == "date":
                return TypeRef("date", fmt)
            if fmt == "duration":
                return TypeRef("duration", fmt)
            if fmt == "uuid" and for_parameter:
                return TypeRef("uuid", fmt)
            return TypeRef("str", fmt)
        if kind == "integer":
            return TypeRef("int", fmt)
        if kind == "number":
            return TypeRef("float", fmt)
        if kind == "boolean":
            return TypeRef("bool")
        if kind == "array":
            item = self.resolve(schema.get("items"), join_pointer(pointer, "items"), name_hint + "Item", for_parameter=for_parameter)
            return TypeRef("list", item=item)
        if kind == "object" or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            item = self.resolve(extra, join_pointer(pointer, "additionalProperties"), name_hint + "Value") if isinstance(extra, dict) else _ANY
            return TypeRef("dict", item=item)
        return _ANY

    # -- models -----------------------------------------------------------------------------

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
            self.models[pointer] = self._build_model(name, pointer, schema if isinstance(schema, dict) else {})
        finally:
            self.in_progress.discard(pointer)
        return name

    def _build_model(self, name: str, pointer: str, schema: dict[str, Any]) -> Model:
        own_props: list[tuple[str, Any, str, set[str]]] = []  # (wire, schema, pointer, required set)
        base_pointer = ""
        required = set(schema.get("required") or []) if isinstance(schema.get("required"), list) else set()
        all_of = schema.get("allOf") if isinstance(schema.get("allOf"), list) else []
        refs = [(i, part) for i, part in enumerate(all_of) if isinstance(part, dict) and "$ref" in part]
        for index, part in enumerate(all_of):
            part_pointer = join_pointer(pointer, "allOf", index)
            target, target_pointer = self.ctx.deref(part, part_pointer)
            if not isinstance(target, dict):
                continue
            if "$ref" in part and len(refs) == 1 and self._is_object(target):
                base_pointer = target_pointer
                self.model_for(target_pointer, target)
                continue
            if "$ref" in part and len(refs) > 1:
                self.ctx.warn("allOf with several $refs: their properties are copied into this model (no inheritance)", part_pointer)
            merged = self._collect_properties(target, target_pointer)
            own_props.extend(merged)
        own_props.extend(self._collect_properties(schema, pointer))
        for _, _, _, req in own_props:
            required |= req
        if base_pointer:
            self.bases[pointer] = base_pointer
        disc = schema.get("discriminator")
        if isinstance(disc, str):
            self.discriminators[pointer] = disc
        elif isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            self.discriminators[pointer] = disc["propertyName"]
            mapping = disc.get("mapping") if isinstance(disc.get("mapping"), dict) else {}
            for value, target in mapping.items():
                if isinstance(target, str):
                    self.discriminator_values.setdefault(target if target.startswith("#") else join_pointer(self.component_pointer(), target), str(value))
        value = schema.get("x-ms-discriminator-value")
        if isinstance(value, str):
            self.discriminator_values[pointer] = value

        namer = naming.Namer(MODEL_RESERVED)
        properties: list[Property] = []
        seen: set[str] = set()
        for wire, prop_schema, prop_pointer, _ in own_props:
            if wire in seen:
                continue
            seen.add(wire)
            client_name = prop_schema.get("x-ms-client-name") if isinstance(prop_schema, dict) else None
            candidate = naming.snake(client_name if isinstance(client_name, str) and client_name else wire, MODEL_RESERVED, attribute=True)
            python, changed = namer.claim(candidate)
            if changed:
                self.ctx.warn(f"property {wire!r} is named {python} to avoid a clash with another property", prop_pointer)
            target, _ = self.ctx.deref(prop_schema, prop_pointer)
            if isinstance(prop_schema, dict) and prop_schema.get("x-ms-flatten"):
                self.ctx.warn("x-ms-flatten is not supported: the property stays a nested model", join_pointer(prop_pointer, "x-ms-flatten"))
            type_ref = self.resolve(prop_schema, prop_pointer, name + naming.pascal(wire))
            description = text(prop_schema, "description", "title") or text(target, "description", "title")
            read_only = bool(isinstance(prop_schema, dict) and prop_schema.get("readOnly"))
            properties.append(Property(wire, python, type_ref, wire in required, description, read_only))
        wire_name = split_pointer(pointer)[-1] if pointer != "#" else name
        return Model(name, wire_name, text(schema, "description", "title"), tuple(properties), pointer, module=self._module(name))

    def _collect_properties(self, schema: dict[str, Any], pointer: str) -> list[tuple[str, Any, str, set[str]]]:
        props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = set(schema.get("required") or []) if isinstance(schema.get("required"), list) else set()
        return [(str(wire), value, join_pointer(pointer, "properties", wire), required) for wire, value in props.items()]

    # -- after all models exist -------------------------------------------------------------

    def finish(self) -> tuple[tuple[Model, ...], tuple[EnumType, ...]]:
        """Link bases, inherited properties and discriminators; models and enums in naming order."""
        final: dict[str, Model] = {}
        by_pointer = self.models

        def root_of(pointer: str) -> str:
            seen = {pointer}
            while pointer in self.bases and self.bases[pointer] not in seen:
                pointer = self.bases[pointer]
                seen.add(pointer)
            return pointer

        def inherited(pointer: str) -> tuple[Property, ...]:
            chain: list[Property] = []
            seen = {pointer}
            base = self.bases.get(pointer)
            while base and base in by_pointer and base not in seen:
                chain = list(by_pointer[base].properties) + chain
                seen.add(base)
                base = self.bases.get(base)
            return tuple(chain)

        subtypes: dict[str, list[tuple[str, str]]] = {}
        for pointer, model in by_pointer.items():
            root = root_of(pointer)
            if root != pointer and root in self.discriminators:
                value = self.discriminator_values.get(pointer, model.wire_name)
                subtypes.setdefault(root, []).append((value, model.class_name))
        for pointer, model in by_pointer.items():
            base = self.bases.get(pointer, "")
            root = root_of(pointer)
            # a subclass's own properties must not repeat the base's (dataclass fields are inherited)
            parents = {p.wire_name for p in inherited(pointer)}
            own = tuple(p for p in model.properties if p.wire_name not in parents)
            final[pointer] = dataclasses.replace(
                model,
                properties=own,
                base=by_pointer[base].class_name if base in by_pointer else "",
                base_module=by_pointer[base].module if base in by_pointer else "",
                discriminator=self.discriminators.get(root, ""),
                discriminator_value=self.discriminator_values.get(pointer, model.wire_name) if root in self.discriminators and root != pointer else "",
                subtypes=tuple(subtypes.get(pointer, ())),
                inherited=inherited(pointer),
            )
        models = tuple(final[p] for p in self.order if p in final)
        enums = tuple(self.enums[k] for k in self.order if k in self.enums)
        return models, enums
