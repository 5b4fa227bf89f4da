#include "../catchstringmakers.h"

#include "util/credentials.h"
#include "util/gdalutil.h"
#include "util/secretstore.h"

using namespace sightline;

namespace {

struct Row
{
    const char *given;
    const char *stripped; ///< what a project file may hold
    const char *secret;   ///< what must never be printed
};

// Replaces the keyring for one test and puts it back after.
struct MemoryKeyring
{
    MemoryKeyring() { SecretStore::replaceInstance(makeMemorySecretStore()); }
    ~MemoryKeyring() { SecretStore::replaceInstance(nullptr); }
};

} // namespace

TEST_CASE("credentials are stripped from sources and redacted from text", "[credentials]")
{
    const Row rows[] = {
        {"PG:host=db.example port=5432 dbname=cases user=analyst password=hunter2",
         "PG:host=db.example port=5432 dbname=cases user=analyst", "hunter2"},
        {"PG:host='db' password='pa ss\\'word' dbname='x'", "PG:host='db' dbname='x'", "pa ss"},
        {"PG:password=hunter2 host=db", "PG:host=db", "hunter2"},
        {"https://alice:s3cret@tiles.example.com/{z}/{x}/{y}.png", "https://tiles.example.com/{z}/{x}/{y}.png",
         "s3cret"},
        {"https://tiles.example.com/{z}/{x}/{y}.png?access_token=pk.abc123",
         "https://tiles.example.com/{z}/{x}/{y}.png", "pk.abc123"},
        {"https://tiles.example.com/{z}/{x}/{y}.png?access_token=pk.abc123&style=dark",
         "https://tiles.example.com/{z}/{x}/{y}.png?style=dark", "pk.abc123"},
        {"https://h.example/wmts?SERVICE=WMTS&key=K3Y&REQUEST=GetCapabilities",
         "https://h.example/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", "K3Y"},
        {"WMTS:https://h.example/wmts?api_key=K3Y", "WMTS:https://h.example/wmts", "K3Y"},
        {"https://bucket.example/x.tif?X-Amz-Signature=f00d&X-Amz-Credential=AKIA1",
         "https://bucket.example/x.tif", "f00d"},
    };
    for (const Row &row : rows) {
        const QString given = QString::fromUtf8(row.given);
        INFO(row.given);
        CHECK(hasSecrets(given));
        CHECK(stripSecrets(given) == QString::fromUtf8(row.stripped));
        const QString redacted = redactSecrets(given);
        CHECK_FALSE(redacted.contains(QString::fromUtf8(row.secret)));
        CHECK(redacted.contains(QLatin1String("***")));
        CHECK_FALSE(describeSource(given).contains(QString::fromUtf8(row.secret)));
    }
}

TEST_CASE("sources without credentials are left alone", "[credentials]")
{
    for (const char *clean : {"/data/imagery/scene.tif", "relative/ports.geojson",
                              "https://tiles.example.com/{z}/{x}/{y}.png", "PG:service=team", "PG:host=db dbname=x",
                              "https://h.example/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"}) {
        const QString s = QString::fromUtf8(clean);
        INFO(clean);
        CHECK_FALSE(hasSecrets(s));
        CHECK(stripSecrets(s) == s);
        CHECK(redactSecrets(s) == s);
    }
}

TEST_CASE("GDAL's messages lose the credentials they quote", "[credentials]")
{
    GdalErrorCapture capture;
    CPLError(CE_Failure, CPLE_AppDefined, "HTTP error code : 401 for https://u:hunter2@h.example/1/2/3.png?token=t0k3n");
    const QString message = capture.message();
    CHECK(message.contains(QLatin1String("h.example")));
    CHECK_FALSE(message.contains(QLatin1String("hunter2")));
    CHECK_FALSE(message.contains(QLatin1String("t0k3n")));
}

TEST_CASE("credentials set aside are found again for the same source only", "[credentials]")
{
    MemoryKeyring keyring;
    const QString full = QStringLiteral("PG:host=db.example dbname=cases user=analyst password=hunter2");
    QString problem;
    const QString stored = keepSecretsAside(full, &problem);
    CHECK(problem.isEmpty());
    CHECK(stored == QStringLiteral("PG:host=db.example dbname=cases user=analyst"));
    CHECK(restoreKeptSecrets(stored) == full);
    // Another service, or a local file, gets nothing from the keyring.
    CHECK(restoreKeptSecrets(QStringLiteral("PG:host=elsewhere dbname=cases user=analyst")) ==
          QStringLiteral("PG:host=elsewhere dbname=cases user=analyst"));
    CHECK(restoreKeptSecrets(QStringLiteral("/data/x.tif")) == QStringLiteral("/data/x.tif"));
    // A keyring entry that does not strip back to its key cannot redirect a layer.
    SecretStore::instance().store(QStringLiteral("source:PG:host=a dbname=b"),
                                  QStringLiteral("PG:host=evil dbname=b password=x"), nullptr);
    CHECK(restoreKeptSecrets(QStringLiteral("PG:host=a dbname=b")) == QStringLiteral("PG:host=a dbname=b"));
}
