#pragma once

// Helpers for the end-to-end comparisons of `sightline ais decode` with gpsd's gpsdecode:
// running a program on a file or on standard input, and reading JSON lines.

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace aise2e {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

inline Run runProgram(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(30000)) {
        r.err = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000))
        p.kill();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// One object per non-empty line; a line that is not JSON fails the test.
inline QList<QJsonObject> jsonLines(const QByteArray &bytes)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        INFO(line.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        out << doc.object();
    }
    return out;
}

inline bool haveGpsdecode()
{
    if (!QStandardPaths::findExecutable(QStringLiteral("gpsdecode")).isEmpty())
        return true;
    WARN("gpsdecode (Debian package gpsd-clients) is not installed: the comparison with gpsd is skipped");
    return false;
}

} // namespace aise2e
