#pragma once

#include <catch2/catch.hpp>

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sightline::test {

/// What a run of the sightline executable gave.
struct Run
{
    int exitCode = -1; ///< -1 when it crashed or hung
    QString out;
    QByteArray outBytes; ///< stdout as written (an image piped out, say)
    QString err;
};

/// Runs the built sightline executable to the end (two minutes at most, or `timeoutMs`; a run
/// that takes longer is killed and counts as hung).
inline Run runSightline(const QStringList &args,
                        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                        int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SIGHTLINE_EXECUTABLE), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.outBytes = p.readAllStandardOutput();
    r.out = QString::fromUtf8(r.outBytes);
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Runs sightline as a step a test builds on: the test stops, with the command and what it said
/// on standard error, unless it exits 0.
inline Run mustRunSightline(const QStringList &args)
{
    const Run r = runSightline(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

} // namespace sightline::test
