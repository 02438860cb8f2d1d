"""Schemas → TypeRefs, Models and Enums. Named object schemas become models, named enums and
``x-ms-enum``s become enums; inline objects get derived names. ``allOf`` with one ``$ref`` is
inheritance; a ``discriminator`` on the root selects the subclass when decoding."""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import Any

from .. import naming
from ..ir import Constraint, EnumType, EnumValue, Model, Property, TypeRef
from ..problems import join_pointer, ref_pointer, split_pointer
from ..pyfmt import pystr
from .context import BuildContext, dict_at, list_at, str_at, text

_ANY = TypeRef("any")
# The kinds whose values a schema constrains beyond their type, and the keywords that do
# (``exclusiveMinimum`` is a flag in OpenAPI 2.0 and 3.0, a bound in 3.1).
_CONSTRAINED = frozenset({"str", "int", "float", "list", "dict", "datetime", "date", "duration", "uuid", "rfc1123"})
_CONSTRAINT_KEYWORDS = (
    "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "enum",
)
_CONSTRAINT_SET = frozenset(_CONSTRAINT_KEYWORDS)
# Kinds whose text has one length: a uuid (36), a date (2026-01-01), an RFC 1123 date-time.
_TEXT_LENGTHS = {"uuid": 36, "date": 10, "rfc1123": 29}


def _constraints(schema: dict[str, Any]) -> tuple[tuple[str, Constraint], ...]:
    """The value constraints of a schema that are well formed (a pattern Python can compile, a
    number that is a number); others are left out rather than checked wrongly."""
    if _CONSTRAINT_SET.isdisjoint(schema):  # most schemas have none: one test, not thirteen
        return ()
    found: list[tuple[str, Constraint]] = []
    for key in _CONSTRAINT_KEYWORDS:
        value = schema.get(key)
        if key == "pattern":
            if isinstance(value, str):
                try:
                    re.compile(value)
                except (re.error, RecursionError, OverflowError):
                    continue
                found.append((key, value))
        elif key == "enum":
            # a number enum (mbus.local's baud rates): the values the fake accepts and the samples
            # take; the annotation stays int or float, so a newer value still decodes
            numbers = [v for v in value if v is not None] if isinstance(value, list) else []
            if numbers and all(isinstance(v, int | float) and not isinstance(v, bool) for v in numbers):
                found.append((key, tuple(dict.fromkeys(numbers))))
        elif isinstance(value, bool):
            if key in ("exclusiveMinimum", "exclusiveMaximum", "uniqueItems"):
                found.append((key, value))
        elif isinstance(value, (int, float)) and value == value and abs(value) != float("inf"):
            found.append((key, value))
    return tuple(found)
# Types that are no object: ``properties`` beside one of them does not make a model.
_NOT_OBJECT_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "null", "file"})
# Keys that give a schema a type of its own (an alternative without any only constrains its parent).
_TYPED_KEYS = frozenset({"$ref", "type", "properties", "items", "enum", "const", "oneOf", "anyOf", "allOf", "additionalProperties", "format"})
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
        self.resolved: dict[tuple[str, bool], TypeRef] = {}  # referenced non-model schemas, resolved once
        self.resolving: set[str] = set()  # referenced schemas being resolved (recursion guard)

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
        return self.modules.claim(naming.module_name("_" + naming.snake(class_name, attribute=True).rstrip("_")))[0]

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
            if self._is_object(schema) and self._alias_of(schema, pointer) is None:
                self._class_name(pointer, key)
            elif self._enum_values(schema) is not None:
                self._enum_for(schema, pointer, key)
        for key in schemas:
            pointer = join_pointer(base, key)
            if pointer in self.class_names:
                self.model_for(pointer)

    # -- classification ---------------------------------------------------------------------

    @staticmethod
    def _constraints_only(options: Any) -> bool:
        """``oneOf: [{required: [a]}, {required: [b]}]``: alternatives that only constrain the
        schema they sit in (no type of their own), so the schema's own type is what counts."""
        return isinstance(options, list) and all(
            isinstance(o, dict) and not (_TYPED_KEYS & o.keys()) for o in options
        )

    @classmethod
    def _union_options(cls, schema: dict[str, Any]) -> tuple[str, list[Any]] | None:
        """(combinator, alternatives) when ``schema`` is a union, else None."""
        for combinator in ("oneOf", "anyOf"):
            options = schema.get(combinator)
            if isinstance(options, list) and options and not cls._constraints_only(options):
                return combinator, options
        return None

    @staticmethod
    def _typed_not_object(schema: dict[str, Any]) -> bool:
        """``type: string`` (or array, a number...) beside ``properties``: JSON Schema applies
        ``properties`` to objects only, so the value is what ``type`` says."""
        kind = schema.get("type")
        if isinstance(kind, list):
            return bool(kind) and all(isinstance(k, str) for k in kind) and "object" not in kind and set(kind) != {"null"}
        return isinstance(kind, str) and kind in _NOT_OBJECT_TYPES

    @classmethod
    def _is_object(cls, schema: Any) -> bool:
        if not isinstance(schema, dict) or "$ref" in schema or cls._typed_not_object(schema):
            return False
        if cls._union_options(schema) is not None and not schema.get("properties"):
            return False
        if schema.get("properties") or schema.get("discriminator"):
            return True
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and (len(all_of) > 1 or schema.get("properties")):
            return True
        kind = schema.get("type")
        return (kind == "object" or (isinstance(kind, list) and "object" in kind and len(set(kind) - {"null"}) == 1)) and not schema.get("additionalProperties") and not all_of

    def _alias_of(self, schema: Any, pointer: str) -> tuple[Any, str] | None:
        """(the member, its pointer) when ``schema`` is an annotated alias of a type that is no
        object, e.g. ``allOf: [{$ref: Name}, {description: ...}]`` with ``Name`` a string."""
        if not isinstance(schema, dict) or not self._annotated_alias(schema):
            return None
        index, member = next((i, m) for i, m in enumerate(schema["allOf"]) if isinstance(m, dict) and "$ref" in m)
        target, _ = self.ctx.deref(member, join_pointer(pointer, "allOf", index))
        if self._is_object(target) or (isinstance(target, dict) and self._annotated_alias(target)):
            return None  # a subclass of an object (its fields inherited): a model, as before
        return member, join_pointer(pointer, "allOf", index)

    @staticmethod
    def _annotated_alias(schema: dict[str, Any]) -> bool:
        """``allOf: [{$ref: X}, {description: ...}]`` where X is no object (a string, an enum):
        the type is X's; the other members only annotate it. (Whether X is an object is known
        only once resolved; see ``resolve``.)"""
        all_of = schema.get("allOf")
        if not isinstance(all_of, list) or schema.get("properties"):
            return False
        typed = [m for m in all_of if not isinstance(m, dict) or "$ref" in m or _TYPED_KEYS & m.keys()]
        return len(typed) == 1 and isinstance(typed[0], dict) and "$ref" in typed[0] and len(all_of) > 1

    @staticmethod
    def _enum_values(schema: Any) -> list[str] | None:
        if not isinstance(schema, dict) or not isinstance(schema.get("enum"), list):
            return None
        values = [v for v in schema["enum"] if v is not None]
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None) if len(set(kind) - {"null"}) == 1 else "mixed"
        if kind not in (None, "string") or not values or not all(isinstance(v, str) for v in values):
            return None
        return list(dict.fromkeys(values))

    @staticmethod
    def _allows_null(schema: dict[str, Any]) -> bool:
        kind = schema.get("type")
        return bool(
            schema.get("nullable") is True
            or schema.get("x-nullable") is True
            or (isinstance(kind, list) and "null" in kind)
            or (isinstance(schema.get("enum"), list) and None in schema["enum"])
        )

    @staticmethod
    def _is_null(schema: Any) -> bool:
        return isinstance(schema, dict) and (
            schema.get("type") == "null" or ("const" in schema and schema["const"] is None) or schema.get("enum") == [None]
        )

    # -- enums ------------------------------------------------------------------------------

    def _enum_for(self, schema: dict[str, Any], pointer: str, name_hint: str) -> TypeRef | None:
        """An enum class for a string enum: named after its ``x-ms-enum`` name, its component,
        or (inline) its place; forward compatible (unknown values stay text)."""
        values = self._enum_values(schema)
        if values is None:
            return None
        ext = dict_at(schema, "x-ms-enum")
        ext_name = ext.get("name") if isinstance(ext.get("name"), str) and naming.words(ext["name"]) else ""
        component = len(split_pointer(pointer)) == len(split_pointer(self.component_pointer())) + 1 and pointer.startswith(self.component_pointer() + "/")
        # an inline enum is one class per name and values: the same `status` enum of ten operations is one class
        key = f"x-ms-enum:{ext_name}" if ext_name else pointer if component else f"inline:{name_hint}:{values!r}"
        if key not in self.enum_names:
            self.enum_names[key] = self._claim_class(ext_name or name_hint, pointer, "enum")
            self.order.append(key)
            described = {
                str(v.get("value")): (v.get("name"), text(v, "description"))
                for v in list_at(ext, "values")
                if isinstance(v, dict) and "value" in v
            }
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
        resolved = self._resolve(schema, pointer, name_hint, for_parameter)
        if self._allows_null(schema) and not resolved.nullable and resolved.kind not in ("any", "null"):
            resolved = dataclasses.replace(resolved, nullable=True)
        if not resolved.constraints and resolved.kind in _CONSTRAINED:
            constraints = self._fitting(resolved.kind, _constraints(schema), pointer)
            if constraints:
                resolved = dataclasses.replace(resolved, constraints=constraints)
        return resolved

    def _fitting(
        self, kind: str, constraints: tuple[tuple[str, Constraint], ...], pointer: str
    ) -> tuple[tuple[str, Constraint], ...]:
        """The constraints that apply to ``kind``: an ``enum`` only to numbers (text enums are
        enum classes), and not length bounds that no text of a fixed-length format meets
        (zuora.com: a uuid of minLength 64), left out with a warning: the client can only send
        the format's text, which the fake would otherwise refuse."""
        if kind not in ("int", "float"):
            constraints = tuple((k, v) for k, v in constraints if k != "enum")
        length = _TEXT_LENGTHS.get(kind)
        if length is None:
            return constraints
        bounds = dict(constraints)
        low, high = bounds.get("minLength", 0), bounds.get("maxLength", length)
        if isinstance(low, int | float) and isinstance(high, int | float) and low <= length <= high:
            return constraints
        self.ctx.warn(
            f"minLength {bounds.get('minLength', 0)}, maxLength {bounds.get('maxLength', '(none)')}: no {kind} text "
            f"has them (it has {length} characters); the length bounds are ignored",
            pointer,
        )
        return tuple((k, v) for k, v in constraints if k not in ("minLength", "maxLength"))

    def _resolve(self, schema: dict[str, Any], pointer: str, name_hint: str, for_parameter: bool) -> TypeRef:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target, target_pointer = self.ctx.deref(schema, pointer)
            if target is None:
                return _ANY
            if target_pointer in self.class_names or (self._is_object(target) and self._alias_of(target, target_pointer) is None):
                nullable = isinstance(target, dict) and self._allows_null(target)
                return TypeRef("model", model=self.model_for(target_pointer, target), nullable=nullable)
            key = (target_pointer, for_parameter)
            if key in self.resolved:
                return self.resolved[key]
            if target_pointer in self.resolving:  # a union that contains itself: Python has no inline recursive type
                self.ctx.warn("a recursive reference inside a union is typed as Any here", pointer)
                return _ANY
            self.resolving.add(target_pointer)
            try:
                hint = split_pointer(target_pointer)[-1] if target_pointer != "#" else name_hint
                result = self.resolve(target, target_pointer, hint, for_parameter=for_parameter)
            finally:
                self.resolving.discard(target_pointer)
            self.resolved[key] = result
            return result
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            return self.resolve(all_of[0], join_pointer(pointer, "allOf", 0), name_hint, for_parameter=for_parameter)
        union = self._union_options(schema)
        if union is not None:
            if schema.get("properties"):
                self.ctx.warn(f"'{union[0]}' beside 'properties' is not supported: the object's own properties are used", join_pointer(pointer, union[0]))
            elif schema.get("allOf"):
                self.ctx.warn(f"'{union[0]}' beside 'allOf' is not supported: the value is typed by the alternatives only", join_pointer(pointer, union[0]))
                return self._union(schema, union[0], union[1], pointer, name_hint, for_parameter)
            else:
                return self._union(schema, union[0], union[1], pointer, name_hint, for_parameter)
        if "const" in schema:
            return self._literal(schema["const"], pointer)
        fmt = str_at(schema, "format")
        if fmt in ("file", "binary") and schema.get("type") in ("object", "string", "file", None):
            return TypeRef("bytes" if for_parameter else "file", fmt)  # a download when in a response
        alias = self._alias_of(schema, pointer)
        if alias is not None:
            return self.resolve(alias[0], alias[1], name_hint, for_parameter=for_parameter)
        if self._is_object(schema):
            self._class_name(pointer, name_hint)
            return TypeRef("model", model=self.model_for(pointer, schema))
        if schema.get("properties") and self._typed_not_object(schema):
            self.ctx.warn(f"'properties' beside type {schema['type']!r} do not apply (JSON Schema applies them to objects only): the value is typed by 'type'", join_pointer(pointer, "properties"))
        kind = schema.get("type")
        if isinstance(kind, list):  # OpenAPI 3.1: ["string", "null"], or several types: a union
            kinds = list(dict.fromkeys(k for k in kind if k != "null"))
            if len(kinds) > 1:
                variants = tuple(self.resolve({**schema, "type": k, "nullable": False}, pointer, name_hint, for_parameter=for_parameter) for k in kinds)
                return self._combine(list(variants), False, pointer) or _ANY
            kind = kinds[0] if kinds else "null"
        if kind == "null":
            return TypeRef("null")
        if kind == "file":
            return TypeRef("file", fmt)
        if kind == "string" or (kind is None and "enum" in schema):
            enum = self._enum_for(schema, pointer, name_hint)
            if enum is not None:
                return enum
            if fmt in _DATE_TIME_FORMATS:
                return TypeRef("rfc1123" if _DATE_TIME_FORMATS[fmt] == "date-time-rfc1123" else "datetime", _DATE_TIME_FORMATS[fmt])
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

    def _literal(self, value: Any, pointer: str) -> TypeRef:
        if value is None:
            return TypeRef("null")
        if isinstance(value, str):
            return TypeRef("literal", literal=pystr(value))
        if isinstance(value, bool) or (isinstance(value, int) and abs(value) < 2**63):
            return TypeRef("literal", literal=repr(value))
        self.ctx.warn(f"'const' of type {type(value).__name__} is typed by its JSON type", join_pointer(pointer, "const"))
        return {float: TypeRef("float"), list: TypeRef("list", item=_ANY), dict: TypeRef("dict", item=_ANY)}.get(type(value), _ANY)

    def _union(self, schema: dict[str, Any], combinator: str, options: list[Any], pointer: str, name_hint: str, for_parameter: bool) -> TypeRef:
        """``oneOf``/``anyOf`` → a union of the alternatives (a nullable type when one is null)."""
        where = join_pointer(pointer, combinator)
        inherited = {k: schema[k] for k in ("type", "items", "format") if k in schema}
        variants: list[TypeRef] = []
        pointers: list[str] = []
        null = False
        for index, option in enumerate(options):
            option_pointer = join_pointer(where, index)
            target, target_pointer = self.ctx.deref(option, option_pointer) if isinstance(option, dict) else (option, option_pointer)
            if self._is_null(target):
                null = True
                continue
            if isinstance(option, dict) and "$ref" not in option and inherited and not (_TYPED_KEYS & option.keys()) - {"format"}:
                option = {**inherited, **option}  # {type: string, oneOf: [{format: date}, ...]}
            title = text(option, "title") if isinstance(option, dict) else ""
            hint = name_hint + (naming.pascal(title) if title and naming.words(title) else f"Option{index + 1}")
            variant = self.resolve(option, option_pointer, hint, for_parameter=for_parameter)
            if variant.kind == "any":
                self.ctx.warn(f"'{combinator}' alternative {index} has no type of its own: the value is typed as Any", where)
                return _ANY
            variants.append(variant)
            pointers.append(target_pointer if isinstance(option, dict) and "$ref" in option else "")
        combined = self._combine(variants, null, where)
        if combined is None:
            return TypeRef("null")
        disc = schema.get("discriminator")
        if combined.kind == "union" and isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            return self._discriminated(combined, disc, variants, pointers, where)
        return combined

    def _combine(self, variants: list[TypeRef], null: bool, pointer: str) -> TypeRef | None:
        """The alternatives as one type: nested unions flattened, duplicates dropped, a single
        alternative as itself."""
        flat: list[TypeRef] = []
        for variant in variants:
            null = null or variant.nullable
            variant = dataclasses.replace(variant, nullable=False)
            parts = variant.variants if variant.kind == "union" and not variant.discriminator else (variant,)
            for part in parts:
                if part.kind == "null":
                    null = True
                elif part not in flat:
                    flat.append(part)
        if not flat:
            return None
        if len(flat) == 1:
            return dataclasses.replace(flat[0], nullable=null or flat[0].nullable)
        return TypeRef("union", variants=tuple(flat), nullable=null)

    def _discriminated(self, union: TypeRef, disc: dict[str, Any], variants: list[TypeRef], pointers: list[str], where: str) -> TypeRef:
        """A union whose ``discriminator.propertyName`` selects the variant: by ``mapping``, and
        else by each referenced schema's name."""
        if not all(v.kind == "model" for v in union.variants):
            self.ctx.warn("discriminator on alternatives that are not all objects: decoded by shape instead", where)
            return union
        index_of = {v.model: i for i, v in enumerate(union.variants)}
        mapping: dict[str, int] = {}
        explicit = dict_at(disc, "mapping")
        for value, target in explicit.items():
            if not isinstance(target, str):
                continue
            target_pointer = ref_pointer(target) if target.startswith("#") else join_pointer(self.component_pointer(), target)
            model = self.class_names.get(target_pointer)
            if model in index_of:
                mapping[str(value)] = index_of[model]
                # a subclass of a polymorphic base sends this value too (its default)
                self.discriminator_values.setdefault(target_pointer, str(value))
            else:
                self.ctx.warn(f"discriminator mapping {value!r} names a schema that is not one of the alternatives", join_pointer(where.rsplit("/", 1)[0], "discriminator", "mapping", str(value)))
        pointer_of = {name: pointer for pointer, name in self.class_names.items()}
        for variant, target_pointer in zip(variants, pointers):
            if variant.kind != "model" or variant.model not in index_of:
                continue
            # a variant whose discriminator property is a constant names its own value (3.1 style)
            variant_model = self.models.get(pointer_of.get(variant.model, ""))
            constant = next((p.type.literal for p in variant_model.properties if p.wire_name == disc["propertyName"] and p.type.kind == "literal"), "") if variant_model else ""
            if constant:
                value = ast.literal_eval(constant)
                mapping.setdefault(str(value).lower() if isinstance(value, bool) else str(value), index_of[variant.model])
            if target_pointer:
                mapping.setdefault(split_pointer(target_pointer)[-1], index_of[variant.model])
        return dataclasses.replace(union, discriminator=disc["propertyName"], mapping=tuple(sorted(mapping.items())))

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

    def _not_text(self, disc: Any, props: list[tuple[str, Any, str, set[str]]]) -> bool:
        """Whether the discriminator (Swagger's name, or OpenAPI's object) names a declared
        property whose type cannot be a string."""
        name = disc.get("propertyName") if isinstance(disc, dict) else disc
        for wire, prop_schema, prop_pointer, _ in props:
            if wire == name:
                target, _ = self.ctx.deref(prop_schema, prop_pointer)
                kind = target.get("type") if isinstance(target, dict) else None
                kinds = kind if isinstance(kind, list) else [kind]
                return kind is not None and "string" not in kinds
        return False

    def _build_model(self, name: str, pointer: str, schema: dict[str, Any]) -> Model:
        own_props: list[tuple[str, Any, str, set[str]]] = []  # (wire, schema, pointer, required set)
        base_pointer = ""
        required = set(list_at(schema, "required"))
        all_of = list_at(schema, "allOf")
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
        if self._not_text(disc, own_props):
            # zalando.com: propertyName names an array; a discriminator's value is a string
            self.ctx.warn("the discriminator's property is not a string: ignored (decoded as declared)", join_pointer(pointer, "discriminator"))
            disc = None
        if isinstance(disc, str):
            self.discriminators[pointer] = disc
        elif isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            self.discriminators[pointer] = disc["propertyName"]
            mapping = dict_at(disc, "mapping")
            for value, target in mapping.items():
                if isinstance(target, str):
                    self.discriminator_values.setdefault(ref_pointer(target) if target.startswith("#") else join_pointer(self.component_pointer(), target), str(value))
        own_value = schema.get("x-ms-discriminator-value")
        if isinstance(own_value, str):
            self.discriminator_values[pointer] = own_value

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
        undeclared = sorted(str(r) for r in required if isinstance(r, str) and r not in seen)
        if undeclared and not base_pointer:  # (a base's properties are known only in ``finish``)
            # vtex.local, apisetu.gov.in: the object must hold them, but nothing says what they are
            one = len(undeclared) == 1
            self.ctx.warn(
                f"required {', '.join(map(repr, undeclared))} {'is' if one else 'are'} not among the properties: "
                f"{'not a field' if one else 'not fields'} of the model (a value goes in additional_properties), "
                "and not checked by the fake",
                join_pointer(pointer, "required"),
            )
        wire_name = split_pointer(pointer)[-1] if pointer != "#" else name
        return Model(name, wire_name, text(schema, "description", "title"), tuple(properties), pointer, module=self._module(name))

    def _collect_properties(self, schema: dict[str, Any], pointer: str) -> list[tuple[str, Any, str, set[str]]]:
        props = dict_at(schema, "properties")
        required = set(list_at(schema, "required"))
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
