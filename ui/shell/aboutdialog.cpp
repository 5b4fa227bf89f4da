#include "ui/shell/aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include <gdal.h>
#include <proj.h>

#if __has_include(<GeographicLib/Config.h>)
#include <GeographicLib/Config.h>
#elif __has_include(<GeographicLib/Config.hpp>)
#include <GeographicLib/Config.hpp>
#endif

#include <utility>

namespace sightline {

namespace {

QList<std::pair<QString, QString>> versions()
{
    QString qt = QString::fromLatin1(qVersion());
    // A Qt other than the one built against is worth seeing in a bug report.
    if (qt != QLatin1String(QT_VERSION_STR))
        qt +=
            QCoreApplication::translate("AboutDialog", " (built with %1)").arg(QLatin1String(QT_VERSION_STR));
    QList<std::pair<QString, QString>> list = {
        {QStringLiteral("Sightline"), QCoreApplication::applicationVersion()},
        {QStringLiteral("Qt"), qt},
        {QStringLiteral("GDAL"), QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"))},
        {QStringLiteral("PROJ"), QString::fromLatin1(proj_info().version)},
    };
#ifdef GEOGRAPHICLIB_VERSION_STRING
    list.append({QStringLiteral("GeographicLib"), QStringLiteral(GEOGRAPHICLIB_VERSION_STRING)});
#endif
    list.append(
        {QCoreApplication::translate("AboutDialog", "System"),
         QStringLiteral("%1 (%2)").arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture())});
    return list;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Sightline"));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/sightline.svg")).pixmap(64, 64));
    logo->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setWordWrap(true);
    title->setText(tr("<h2>Sightline %1</h2><p>Geospatial workbench for imagery and open-source "
                      "intelligence analysts.</p>")
                       .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));

    QString rows;
    for (const auto &[name, version] : versions())
        rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(name.toHtmlEscaped(), version.toHtmlEscaped());
    auto *versionLabel = new QLabel(QStringLiteral("<table>%1</table>").arg(rows), this);
    versionLabel->setObjectName(QStringLiteral("aboutVersions"));
    versionLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *credits = new QLabel(this);
    credits->setObjectName(QStringLiteral("aboutCredits"));
    credits->setWordWrap(true);
    credits->setTextInteractionFlags(Qt::TextBrowserInteraction);
    credits->setOpenExternalLinks(true);
    credits->setText(
        tr("<p><b>Data credits</b></p>"
           "<ul style='margin-left: 0px; -qt-list-indent: 1'>"
           "<li><a href='https://www.naturalearthdata.com/'>Natural Earth</a> (public domain)</li>"
           "<li>© <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap contributors</a> "
           "(ODbL)</li>"
           "<li>Landsat imagery courtesy of the U.S. Geological Survey</li>"
           "</ul>"
           "<p>The demo case's AIS is <b>SIMULATED</b> (not real reception), its sightings are "
           "<b>ILLUSTRATIVE</b> and its port and rail positions <b>APPROXIMATE</b>.</p>"));

    auto *copy = new QPushButton(tr("&Copy Versions"), this);
    copy->setObjectName(QStringLiteral("copyVersions"));
    copy->setToolTip(tr("Copies the versions for a bug report"));
    connect(copy, &QPushButton::clicked, this,
            [] { QGuiApplication::clipboard()->setText(versionReport()); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(copy, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(versionLabel);
    text->addWidget(credits);
    text->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::versionReport()
{
    QStringList lines;
    for (const auto &[name, version] : versions())
        lines << name + QLatin1Char(' ') + version;
    return lines.join(QLatin1Char('\n'));
}

} // namespace sightline
