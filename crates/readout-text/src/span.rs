//! Byte spans into a document's cleaned text.

use serde::{Serialize, Serializer};

/// A half-open byte range `[start, end)` into a cleaned text. It serialises
/// as `[start, end]`, the form of the output contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// This span moved right by `offset` bytes.
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

#[cfg(feature = "openapi")]
mod schema {
    use super::Span;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};
    use utoipa::openapi::RefOr;

    impl utoipa::PartialSchema for Span {
        fn schema() -> RefOr<Schema> {
            let offset = ObjectBuilder::new().schema_type(SchemaType::Type(Type::Integer)).minimum(Some(0));
            ArrayBuilder::new()
                .items(offset)
                .min_items(Some(2))
                .max_items(Some(2))
                .description(Some("Byte span [start, end) into the document's cleaned text"))
                .into()
        }
    }

    impl utoipa::ToSchema for Span {}
}
