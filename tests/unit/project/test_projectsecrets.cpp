#include "../catchstringmakers.h"

#include "project/project.h"
#include "util/secretstore.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

namespace {

const QString kPassword = QStringLiteral("hunter2-Zq9");
const QString kToken = QStringLiteral("pk.eyJ1Ijoi-secret");

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

struct MemoryKeyring
{
    MemoryKeyring() { SecretStore::replaceInstance(makeMemorySecretStore()); }
    ~MemoryKeyring() { SecretStore::replaceInstance(nullptr); }
};

ProjectLayer layer(const QString &source, const QString &name)
{
    ProjectLayer l;
    l.source = source;
    l.name = name;
    return l;
}

} // namespace

TEST_CASE("a project never stores credentials, the keyring keeps them", "[project][credentials]")
{
    MemoryKeyring keyring;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    const QString pg = QStringLiteral("PG:host=db.example dbname=cases user=analyst password=") + kPassword;
    const QString tiles = QStringLiteral("https://alice:") + kPassword +
                          QStringLiteral("@tiles.example.com/{z}/{x}/{y}.png?access_token=") + kToken;
    {
        auto project = Project::create(path, nullptr);
        REQUIRE(project);
        REQUIRE(project->setLayers({layer(pg, QStringLiteral("team layer")), layer(tiles, QStringLiteral("basemap"))}));
        CHECK(project->takeNotices().isEmpty()); // the keyring took them
        const auto stored = project->layers();
        REQUIRE(stored.size() == 2);
        CHECK(stored[0].source == QStringLiteral("PG:host=db.example dbname=cases user=analyst"));
        CHECK(stored[1].source == QStringLiteral("https://tiles.example.com/{z}/{x}/{y}.png"));
        // Writing the same list again, credentials and all, changes nothing.
        CHECK(project->setLayers({layer(pg, QStringLiteral("team layer")), layer(tiles, QStringLiteral("basemap"))}));
        CHECK(restoreKeptSecrets(stored[0].source) == pg);
        CHECK(restoreKeptSecrets(stored[1].source) == tiles);
    }
    const QByteArray bytes = fileBytes(path);
    CHECK_FALSE(bytes.contains(kPassword.toUtf8()));
    CHECK_FALSE(bytes.contains(kToken.toUtf8()));
    CHECK(bytes.contains("db.example"));
}

TEST_CASE("a project that holds credentials loses them on open, and the user is told", "[project][credentials]")
{
    MemoryKeyring keyring;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.gpkg"));
    const QString pg = QStringLiteral("PG:host=db.example dbname=cases password=") + kPassword;
    REQUIRE(Project::create(path, nullptr));
    {
        // As a file from before credentials were kept out: written straight into the table.
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer *table = ds->GetLayerByName("sightline_layers");
        OGRFeature f(table->GetLayerDefn());
        f.SetField("position", 0);
        f.SetField("source", pg.toUtf8().constData());
        f.SetField("name", "team layer");
        f.SetField("visible", 1);
        f.SetField("opacity", 1.0);
        f.SetField("style", "{}");
        REQUIRE(table->CreateFeature(&f) == OGRERR_NONE);
    }
    REQUIRE(fileBytes(path).contains(kPassword.toUtf8()));

    SECTION("read-only: hidden, and the file is left as it is")
    {
        auto project = Project::open(path, Project::Mode::ReadOnly, nullptr);
        REQUIRE(project);
        CHECK(project->layers().value(0).source == QStringLiteral("PG:host=db.example dbname=cases"));
        const QStringList notices = project->takeNotices();
        REQUIRE(notices.size() == 1);
        CHECK(notices.first().contains(QLatin1String("next opened for writing")));
        CHECK_FALSE(notices.first().contains(kPassword));
    }
    SECTION("read-write: removed from the file, kept in the keyring")
    {
        {
            auto project = Project::open(path, Project::Mode::ReadWrite, nullptr);
            REQUIRE(project);
            const QStringList notices = project->takeNotices();
            REQUIRE(notices.size() == 1);
            CHECK(notices.first().contains(QLatin1String("removed from the file; kept in the desktop's keyring")));
            CHECK(notices.first().contains(QLatin1String("db.example")));
            CHECK_FALSE(notices.first().contains(kPassword));
            CHECK(restoreKeptSecrets(project->layers().value(0).source) == pg);
            CHECK(project->auditLog(-1, QStringLiteral("sightline_layers")).size() == 1);
        }
        // Not in the table, and not left behind in SQLite's free pages either.
        CHECK_FALSE(fileBytes(path).contains(kPassword.toUtf8()));
    }
}
