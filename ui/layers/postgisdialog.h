#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace sightline {

/// Connects to a PostGIS database and picks layers from it, as QGIS's data
/// source manager does; the layers then open through OGR's PostgreSQL driver.
class PostgisDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PostgisDialog(QWidget *parent = nullptr);

    /// "PG:host='…' port='…' dbname='…' user='…' password='…'" from the fields, or
    /// "PG:service='…'" for a PostgreSQL service. The password lives only in memory and the
    /// desktop's keyring: a project stores the string without it.
    QString connectionString() const;
    QStringList selectedLayers() const;
    /// Lists the database's layers; false with the reason shown when it cannot.
    bool connectToDatabase();

    QLineEdit *service() const { return mService; }
    QLineEdit *host() const { return mHost; }
    QSpinBox *port() const { return mPort; }
    QLineEdit *database() const { return mDatabase; }
    QLineEdit *user() const { return mUser; }
    QLineEdit *password() const { return mPassword; }
    QListWidget *layers() const { return mLayers; }
    QString status() const;

private:
    QLineEdit *mService;
    QLineEdit *mHost;
    QSpinBox *mPort;
    QLineEdit *mDatabase;
    QLineEdit *mUser;
    QLineEdit *mPassword;
    QListWidget *mLayers;
    QLabel *mStatus;
};

} // namespace sightline
