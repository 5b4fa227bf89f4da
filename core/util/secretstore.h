#pragma once

#include <QString>

#include <memory>
#include <optional>

namespace sightline {

/// Where credentials live instead of project files: the desktop's keyring
/// (Secret Service or KWallet, through QtKeychain). Entries are keyed by the
/// source with its secrets stripped, so the same service finds its password in
/// any project, as `~/.pgpass` finds one by host and user.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    /// Keeps `secret` under `key`; false with a reason when there is no keyring.
    virtual bool store(const QString &key, const QString &secret, QString *error) = 0;
    /// The secret kept under `key`, if any.
    virtual std::optional<QString> find(const QString &key) = 0;

    /// The keyring, unless replaced.
    static SecretStore &instance();
    /// Replaces the store for this process (a memory store for tests; null puts the keyring back).
    static void replaceInstance(std::unique_ptr<SecretStore> store);
};

/// `source` as a file may hold it: its secrets stripped (see credentials.h) and kept in
/// the store under what is left. `problem` says when they could not be kept ("they could not…").
QString keepSecretsAside(const QString &source, QString *problem = nullptr);

/// A stored (stripped) source completed with the secrets kept for it, when there are any.
QString restoreKeptSecrets(const QString &stored);

/// A store that forgets everything when the process ends.
std::unique_ptr<SecretStore> makeMemorySecretStore();

} // namespace sightline
