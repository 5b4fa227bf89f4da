#pragma once

#include <gdal_priv.h>

#include <QString>
#include <QStringList>

namespace sightline {

/// Registers GDAL's drivers once and sets the configuration Sightline relies on.
/// Safe to call from any thread, any number of times.
void ensureGdalInitialised();

/// Collects what GDAL reports on this thread while it lives, instead of letting
/// GDAL print to stderr, so that the message can reach the user with context.
class GdalErrorCapture
{
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture &) = delete;
    GdalErrorCapture &operator=(const GdalErrorCapture &) = delete;

    bool hasErrors() const { return !mErrors.isEmpty(); }
    const QStringList &errors() const { return mErrors; }
    const QStringList &warnings() const { return mWarnings; }
    /// The errors as one line, or `fallback` when GDAL said nothing.
    QString message(const QString &fallback = QString()) const;

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum code, const char *message);
    QStringList mErrors;
    QStringList mWarnings;
};

/// For a tile service that could not be reached, the reason in a line
/// ("cannot download tiles from URL: Couldn't connect to server"); empty when
/// the errors are not about downloading.
QString summariseDownloadErrors(const QStringList &errors, const QString &source);

/// True when `source` names a local file rather than a GDAL connection string
/// (WMS XML, "WMTS:...", "/vsicurl/...").
bool isLocalPath(const QString &source);

/// A source as a person should read it in a message: the path, or for
/// WMS-driver XML the tile URL inside it rather than the whole document.
QString describeSource(const QString &source);

} // namespace sightline
