#include "project/testcsvimport.h"

#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "support/casewindow.h"
#include "tracks/trackgeopackage.h"
#include "ui/common/messagebar.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/project/projectcontroller.h"
#include "ui/project/trackimportactions.h"
#include "ui/shell/mainwindow.h"
#include "util/gdalutil.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <cpl_vsi.h>

#include <functional>

using namespace sightline;

namespace {

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/");

std::shared_ptr<TrackLayer> projectTracks(MainWindow *window, const QString &projectPath)
{
    for (const auto &layer : window->layers()->layers())
        if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer); t && t->source() == projectPath)
            return t;
    return nullptr;
}

// Runs `answer` on the column dialog once it is up (checking every 20 ms, 10 s at most).
void whenColumnDialog(QObject *context, std::function<void(CsvMappingDialog *)> answer, int triesLeft = 500)
{
    QTimer::singleShot(20, context, [context, answer, triesLeft] {
        if (auto *d = qobject_cast<CsvMappingDialog *>(QApplication::activeModalWidget())) {
            answer(d);
            return;
        }
        if (triesLeft > 0)
            whenColumnDialog(context, answer, triesLeft - 1);
    });
}

} // namespace

void TestCsvImport::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestCsvImport::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestCsvImport::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestCsvImport::genericColumnsAreShownAndTheTimeFormatIsChosen()
{
    const QString csv = mDir.filePath(QStringLiteral("patrol.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("when;MMSI;Latitude (deg);Longitude (deg);SOG [kn]\n"
                "15.08.2023 12h00;273145020;42.30;131.00;10.5\n"
                "15.08.2023 12h10;273145020;42.35;131.10;9.8\n");
    }
    const QString project = mDir.filePath(QStringLiteral("generic.gpkg"));
    QFile::remove(project);
    QVERIFY(mWindow->projectController()->newProject(project));

    bool seen = false;
    QString detected, exampleBefore, exampleAfter;
    bool importEnabledBefore = true;
    whenColumnDialog(this, [&](CsvMappingDialog *dialog) {
        seen = true;
        auto name = [dialog](CsvColumnMapping::Field f) { return dialog->columnCombo(f)->currentText(); };
        // What the generic names gave is chosen already.
        detected = QStringList{name(CsvColumnMapping::Mmsi), name(CsvColumnMapping::Lat),
                               name(CsvColumnMapping::Lon), name(CsvColumnMapping::Sog)}
                       .join(QLatin1Char('|'));
        // The time column, picked by typing its name into the combo.
        QComboBox *time = dialog->columnCombo(CsvColumnMapping::Time);
        time->setFocus();
        QTest::keyClicks(time, QStringLiteral("when"));
        exampleBefore = dialog->timeExample()->text();
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        importEnabledBefore = ok->isEnabled();
        // No format reads "15.08.2023 12h00": the analyst writes a pattern.
        QComboBox *format = dialog->timeFormatCombo();
        format->setFocus();
        QTest::keyClick(format, Qt::Key_End);
        QLineEdit *pattern = dialog->timePatternEdit();
        QTest::mouseClick(pattern, Qt::LeftButton);
        QTest::keyClicks(pattern, QStringLiteral("%d.%m.%Y %Hh%M"));
        exampleAfter = dialog->timeExample()->text();
        QTest::mouseClick(ok, Qt::LeftButton);
        if (dialog->isVisible())
            dialog->reject(); // the import button stayed disabled: the checks below say why
    });
    mWindow->trackImports()->importAisLogs({csv});
    QVERIFY(seen);
    QCOMPARE(detected, QStringLiteral("MMSI|Latitude (deg)|Longitude (deg)|SOG [kn]"));
    QVERIFY2(exampleBefore.contains(QStringLiteral("does not read")), qPrintable(exampleBefore));
    QVERIFY(!importEnabledBefore);
    QVERIFY2(exampleAfter.contains(QStringLiteral("2023-08-15T12:00:00")), qPrintable(exampleAfter));
    QTRY_VERIFY_WITH_TIMEOUT(projectTracks(mWindow, project), 30000);
    QVERIFY(test::waitForIdle(mWindow));
    const auto tracks = projectTracks(mWindow, project);
    QCOMPARE(tracks->store().positionCount(), std::size_t(2));
    const VesselTrack *t = tracks->store().track(273145020);
    QVERIFY(t);
    QCOMPARE(t->timeMs(0), 1692100800000LL);
    QCOMPARE(t->sog(0), 10.5);
}

void TestCsvImport::aZipIsImportedFileByFileEachNamed()
{
    ensureGdalInitialised();
    const QString zip = mDir.filePath(QStringLiteral("exports.zip"));
    QFile::remove(zip);
    for (const char *name : {"marinetraffic_positions_sample.csv", "gfw_ais_positions_sample.csv"}) {
        QFile in(kData + QString::fromLatin1(name));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        VSILFILE *f = VSIFOpenL(
            QStringLiteral("/vsizip/%1/%2").arg(zip, QString::fromLatin1(name)).toUtf8().constData(), "wb");
        QVERIFY(f);
        VSIFWriteL(bytes.constData(), 1, std::size_t(bytes.size()), f);
        VSIFCloseL(f);
    }
    const QString project = mDir.filePath(QStringLiteral("zipped.gpkg"));
    QFile::remove(project);
    QVERIFY(mWindow->projectController()->newProject(project));
    mWindow->trackImports()->importAisLogs({zip});
    QTRY_VERIFY_WITH_TIMEOUT(projectTracks(mWindow, project), 30000);
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(projectTracks(mWindow, project)->store().positionCount(), std::size_t(10));
    const QString said = mWindow->messageBar()->text();
    QVERIFY2(said.contains(QStringLiteral("exports.zip/gfw_ais_positions_sample.csv")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("exports.zip/marinetraffic_positions_sample.csv")),
             qPrintable(said));
    QStringList recorded;
    for (const auto &record : TrackGeoPackage::imports(project))
        recorded << record.sourceFile;
    recorded.sort();
    QCOMPARE(recorded, QStringList({zip + QStringLiteral("/gfw_ais_positions_sample.csv"),
                                    zip + QStringLiteral("/marinetraffic_positions_sample.csv")}));
}
