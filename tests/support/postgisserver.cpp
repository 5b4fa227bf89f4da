#include "postgisserver.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace sightline::test {

namespace {
constexpr int kTimeoutMs = 60000;
const auto kServerUser = QStringLiteral("postgres");
} // namespace

QString PostgisServer::binDir()
{
    // Debian installs the server per major version, outside PATH.
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        if (QFile::exists(dir + QStringLiteral("/initdb")) && QFile::exists(dir + QStringLiteral("/pg_ctl")))
            return dir;
    }
    return {};
}

PostgisServer::PostgisServer()
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        mError = QStringLiteral("PostgreSQL server programs not found under /usr/lib/postgresql "
                                "(tools/install-deps.sh installs postgresql-15-postgis-3)");
        return;
    }
    if (!mDir.isValid()) {
        mError = QStringLiteral("cannot create a temporary folder");
        return;
    }
    if (geteuid() == 0) {
        const passwd *pw = getpwnam(kServerUser.toLocal8Bit().constData());
        if (!pw || chown(QFile::encodeName(mDir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            mError =
                QStringLiteral("running as root and cannot hand %1 to the 'postgres' user").arg(mDir.path());
            return;
        }
    }
    {
        // A free port: the kernel's choice, released just before the server takes it.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            mError = QStringLiteral("no free TCP port on 127.0.0.1");
            return;
        }
        mPort = probe.serverPort();
    }
    mDataDir = mDir.filePath(QStringLiteral("data"));
    if (!run(bin + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), mDataDir, QStringLiteral("-A"), QStringLiteral("trust"),
              QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--no-sync")},
             true))
        return;
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                .arg(QString::number(mPort), mDir.path());
    if (!run(bin + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), mDataDir, QStringLiteral("-o"), options, QStringLiteral("-l"),
              mDir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("start")},
             true))
        return;
    mStarted = true;
    if (!run(QStringLiteral("psql"),
             {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(mPort),
              QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
              QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
              QStringLiteral("-c"), QStringLiteral("CREATE DATABASE sightline")},
             false))
        return;
    execute(QStringLiteral("CREATE EXTENSION postgis"));
}

PostgisServer::~PostgisServer()
{
    if (mStarted) {
        const QString saved = mError;
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), mDataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            true);
        mError = saved;
    }
}

QString PostgisServer::connectionString() const
{
    return QStringLiteral("PG:host=127.0.0.1 port=%1 dbname=sightline user=postgres").arg(mPort);
}

bool PostgisServer::execute(const QString &sql)
{
    return run(QStringLiteral("psql"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(mPort), QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-d"), QStringLiteral("sightline"), QStringLiteral("-q"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql},
               false);
}

bool PostgisServer::run(const QString &program, const QStringList &arguments, bool asServerUser)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (asServerUser && geteuid() == 0)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), kServerUser, QStringLiteral("--"), program} +
                          arguments);
    else
        process.start(program, arguments);
    if (!process.waitForFinished(kTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        mError = QStringLiteral("%1 %2 failed: %3%4")
                     .arg(program, arguments.join(QLatin1Char(' ')), process.errorString(),
                          QLatin1Char('\n') + QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

} // namespace sightline::test
