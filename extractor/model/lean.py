"""A pydantic model that costs less memory per instance, for the ones a long report makes by the
hundred thousand (cells, boxes, text blocks, records, warnings).

pydantic keeps on every instance a set of the fields the caller gave (`model_fields_set`, used by
`model_dump` leaving out unset fields); with five or more fields that set takes ~730 bytes, more
than the rest of a small model. A lean model shares one set of all its fields instead: every field
reads as set, which nothing in the extractor asks (it never dumps leaving out unset fields; a test
checks). The shared set holds every field, so pydantic's own `add` on assignment never changes it.
A text block with its box takes 1.6 KB the pydantic way; lean, 0.6 KB.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel


class LeanModel(BaseModel):
    _all_fields: ClassVar[set[str]] = set()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._all_fields = set(cls.model_fields)

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", type(self)._all_fields)

    # model_copy copies through these, and unpickling (a worker's results) through __setstate__:
    # pydantic gives each copy a set of its own
    def __copy__(self) -> LeanModel:
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_fields_set__", type(self)._all_fields)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> LeanModel:
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", type(self)._all_fields)
        return copied

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)
        object.__setattr__(self, "__pydantic_fields_set__", type(self)._all_fields)
