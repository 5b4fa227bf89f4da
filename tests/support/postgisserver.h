#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sightline::test {

/// A throwaway PostgreSQL + PostGIS server for one test process: its own
/// cluster in a temporary folder, listening on a free port of 127.0.0.1 with
/// trust authentication, and a database "sightline" with the postgis
/// extension. Stopped and deleted with the object. Runs the server as the
/// "postgres" user when the tests run as root, since PostgreSQL refuses root.
class PostgisServer
{
public:
    PostgisServer();
    ~PostgisServer();
    PostgisServer(const PostgisServer &) = delete;
    PostgisServer &operator=(const PostgisServer &) = delete;

    /// Empty when the server is up; otherwise what failed, with the tool's output.
    const QString &error() const { return mError; }
    int port() const { return mPort; }
    /// An OGR connection string to the "sightline" database.
    QString connectionString() const;
    /// Runs SQL in the "sightline" database through psql; false with the message in error().
    bool execute(const QString &sql);

    /// Folder of the PostgreSQL server programs (initdb, pg_ctl), or empty.
    static QString binDir();

private:
    bool run(const QString &program, const QStringList &arguments, bool asServerUser);

    QTemporaryDir mDir;
    QString mDataDir;
    int mPort = 0;
    bool mStarted = false;
    QString mError;
};

} // namespace sightline::test
