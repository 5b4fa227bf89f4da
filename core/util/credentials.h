#pragma once

#include <QString>

namespace sightline {

/// Secrets inside layer sources and messages: a PostgreSQL connection's
/// password, a URL's user-info (`https://user:pass@host/…`) and query
/// parameters that carry keys or tokens (`access_token=`, `api_key=`, `sig=`…).
/// They never go into a project file and never into anything printed.

/// `text` with every secret replaced by "***": for messages, logs, the brief and the UI.
QString redactSecrets(const QString &text);

/// `source` with its secrets removed (not masked), so that what is left still
/// names the service and can be completed from `~/.pgpass`, a PostgreSQL service
/// file or the desktop's keyring: what a project file stores.
QString stripSecrets(const QString &source);

/// True when stripSecrets would change `source`.
bool hasSecrets(const QString &source);

} // namespace sightline
