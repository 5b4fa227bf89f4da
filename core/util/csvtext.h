#pragma once

#include <QString>

namespace sightline {

/// A value as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a
/// comma, a quote or a line break, or starts or ends with a space; as it is otherwise.
QString csvField(const QString &value);

} // namespace sightline
