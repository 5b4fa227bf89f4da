#pragma once

namespace sightline {

/// Gives Qt a private runtime folder when the session has none (as under CI,
/// cron or ssh), so headless runs do not warn about XDG_RUNTIME_DIR on stderr,
/// which the command line keeps for real messages. Call before the application object.
void ensureRuntimeDirectory();

} // namespace sightline
