#include "ui/layers/postgisdialog.h"

#include "model/vectordata.h"
#include "util/gdalutil.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sightline {

namespace {
// libpq's quoting: values in single quotes, with \\ and \\' escaped.
QString quoted(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}
} // namespace

PostgisDialog::PostgisDialog(QWidget *parent)
    : QDialog(parent)
    , mService(new QLineEdit(this))
    , mHost(new QLineEdit(QStringLiteral("localhost"), this))
    , mPort(new QSpinBox(this))
    , mDatabase(new QLineEdit(this))
    , mUser(new QLineEdit(this))
    , mPassword(new QLineEdit(this))
    , mLayers(new QListWidget(this))
    , mStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("postgisDialog"));
    setWindowTitle(tr("Add PostGIS Layers"));
    resize(420, 460);
    mPort->setRange(1, 65535);
    mPort->setValue(5432);
    mPassword->setEchoMode(QLineEdit::Password);
    mStatus->setWordWrap(true);
    mStatus->setObjectName(QStringLiteral("postgisStatus"));
    auto *connect = new QPushButton(tr("Connect"), this);
    connect->setObjectName(QStringLiteral("postgisConnect"));
    mService->setPlaceholderText(tr("optional: a service of pg_service.conf"));
    mService->setObjectName(QStringLiteral("postgisService"));
    auto *form = new QFormLayout();
    form->addRow(tr("Service"), mService);
    form->addRow(tr("Host"), mHost);
    form->addRow(tr("Port"), mPort);
    form->addRow(tr("Database"), mDatabase);
    form->addRow(tr("User"), mUser);
    form->addRow(tr("Password"), mPassword);
    auto *keyring = new QLabel(tr("The password is never written to the project: it is kept in the desktop's "
                                  "keyring. A ~/.pgpass entry or a service works without one."),
                               this);
    keyring->setWordWrap(true);
    keyring->setEnabled(false); // a hint, in the palette's muted colour
    form->addRow(QString(), keyring);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Layers"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QObject::connect(connect, &QPushButton::clicked, this, &PostgisDialog::connectToDatabase);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(connect);
    layout->addWidget(mStatus);
    layout->addWidget(mLayers, 1);
    layout->addWidget(buttons);
}

QString PostgisDialog::connectionString() const
{
    QStringList parts;
    if (const QString service = mService->text().trimmed(); !service.isEmpty())
        parts << QStringLiteral("service=%1").arg(quoted(service));
    else
        parts << QStringLiteral("host=%1").arg(quoted(mHost->text().trimmed()))
              << QStringLiteral("port=%1").arg(quoted(QString::number(mPort->value())))
              << QStringLiteral("dbname=%1").arg(quoted(mDatabase->text().trimmed()));
    if (!mUser->text().isEmpty())
        parts << QStringLiteral("user=%1").arg(quoted(mUser->text()));
    if (!mPassword->text().isEmpty())
        parts << QStringLiteral("password=%1").arg(quoted(mPassword->text()));
    // Fail fast: a dialog must not hang on a server that never answers.
    parts << QStringLiteral("connect_timeout='5'");
    return QStringLiteral("PG:") + parts.join(QLatin1Char(' '));
}

bool PostgisDialog::connectToDatabase()
{
    mLayers->clear();
    mStatus->setText(tr("Connecting…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const QStringList names = VectorData::layerNames(connectionString(), &error);
    QApplication::restoreOverrideCursor();
    if (names.isEmpty()) {
        mStatus->setText(tr("Could not list layers: %1").arg(describeSource(error)));
        return false;
    }
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, mLayers);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    mStatus->setText(names.size() == 1 ? tr("1 table with geometry: tick it to add it.")
                                       : tr("%1 tables with geometry: tick those to add.").arg(names.size()));
    return true;
}

QStringList PostgisDialog::selectedLayers() const
{
    QStringList names;
    for (int i = 0; i < mLayers->count(); ++i)
        if (mLayers->item(i)->checkState() == Qt::Checked)
            names << mLayers->item(i)->text();
    return names;
}

QString PostgisDialog::status() const
{
    return mStatus->text();
}

} // namespace sightline
