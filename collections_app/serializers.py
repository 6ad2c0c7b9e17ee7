"""API serializer fields for vocabulary terms, museums and galleries.

Values are read through modeltranslation's descriptors, so they come out in
the language the API request activated, with fallback.
"""

from rest_framework import serializers


def _term(value):
    if value is None:
        return None
    data = {"id": value.pk, "name": str(getattr(value, "name", None) or value.title)}
    slug = getattr(value, "slug", None)
    if slug:
        data["slug"] = slug
    uri = getattr(value, "authority_uri", "")
    if uri:
        data["authority_uri"] = uri
    return data


class TermField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return _term(value)


class TermListField(TermField):
    def __init__(self, order_by: str | None = None, **kwargs):
        self.order_by = order_by
        super().__init__(**kwargs)

    def to_representation(self, value):
        terms = value.order_by(self.order_by) if self.order_by else value.all()
        return [_term(term) for term in terms]


class GalleryField(TermField):
    def to_representation(self, value):
        return [
            {
                "id": item.image_id,
                "alt_text": item.alt_text,
                "caption": item.caption,
                "rights_uri": item.image.rights_uri,
                "credit": item.image.credit,
                "width": item.image.width,
                "height": item.image.height,
            }
            for item in value.all()
        ]
