#include "util/secretstore.h"

#include "util/credentials.h"
#include "util/gdalutil.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QMutex>

namespace sightline {

namespace {

constexpr auto kService = "Sightline";

class KeyringStore final : public SecretStore
{
public:
    bool store(const QString &key, const QString &secret, QString *error) override
    {
        QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
        job.setAutoDelete(false);
        job.setKey(key);
        job.setTextData(secret);
        if (!run(job)) {
            if (error)
                *error = job.error() == QKeychain::NoBackendAvailable || job.errorString().isEmpty() ||
                                 job.errorString() == QLatin1String("Unknown error")
                             ? QStringLiteral("no desktop keyring answered")
                             : job.errorString();
            return false;
        }
        return true;
    }

    std::optional<QString> find(const QString &key) override
    {
        QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
        job.setAutoDelete(false);
        job.setKey(key);
        if (!run(job))
            return std::nullopt;
        return job.textData();
    }

private:
    // Keyring jobs answer through the event loop; a caller needs the answer now.
    static bool run(QKeychain::Job &job)
    {
        if (!QCoreApplication::instance())
            return false;
        QEventLoop loop;
        QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
        job.start();
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        return job.error() == QKeychain::NoError;
    }
};

class MemoryStore final : public SecretStore
{
public:
    bool store(const QString &key, const QString &secret, QString *) override
    {
        const QMutexLocker lock(&mMutex);
        mSecrets.insert(key, secret);
        return true;
    }
    std::optional<QString> find(const QString &key) override
    {
        const QMutexLocker lock(&mMutex);
        const auto it = mSecrets.constFind(key);
        return it == mSecrets.cend() ? std::nullopt : std::optional<QString>(*it);
    }

private:
    QMutex mMutex;
    QHash<QString, QString> mSecrets;
};

std::unique_ptr<SecretStore> &current()
{
    static std::unique_ptr<SecretStore> store;
    return store;
}

} // namespace

SecretStore &SecretStore::instance()
{
    auto &store = current();
    if (!store)
        store = std::make_unique<KeyringStore>();
    return *store;
}

void SecretStore::replaceInstance(std::unique_ptr<SecretStore> store)
{
    current() = std::move(store);
}

QString keepSecretsAside(const QString &source, QString *problem)
{
    if (!hasSecrets(source))
        return source;
    const QString stripped = stripSecrets(source);
    QString error;
    if (!SecretStore::instance().store(QStringLiteral("source:") + stripped, source.trimmed(), &error) && problem)
        *problem = QStringLiteral("they could not be kept in the desktop's keyring (%1): enter them again "
                                  "when asked, or use ~/.pgpass or a PostgreSQL service")
                       .arg(error);
    return stripped;
}

QString restoreKeptSecrets(const QString &stored)
{
    if (isLocalPath(stored))
        return stored; // files have no credentials: no keyring round trip for them
    const auto kept = SecretStore::instance().find(QStringLiteral("source:") + stored);
    // Only what strips back to this very source: a keyring entry cannot redirect a layer.
    return kept && stripSecrets(*kept) == stored ? *kept : stored;
}

std::unique_ptr<SecretStore> makeMemorySecretStore()
{
    return std::make_unique<MemoryStore>();
}

} // namespace sightline
