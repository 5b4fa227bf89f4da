#include "project/testprojectsafety.h"

#include "support/casewindow.h"
#include "fixtures.h"
#include "layers/layerstack.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "project/project.h"
#include "ui/project/projectcontroller.h"
#include "ui/project/sourceconsentdialog.h"
#include "tileserver.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace sightline;

namespace {

struct ConsentAnswer
{
    bool asked = false;
    QStringList hosts;
    QStringList files;
};

// Answers the consent dialog, if one comes, with a mouse click on `button`.
void answerConsent(QObject *context, const QString &button, ConsentAnswer *answer)
{
    QTimer::singleShot(0, context, [button, answer] {
        auto *dialog = qobject_cast<SourceConsentDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer->asked = true;
        for (const auto *list : dialog->findChildren<QListWidget *>()) {
            QStringList items;
            for (int i = 0; i < list->count(); ++i)
                items << list->item(i)->text();
            (list->objectName() == QLatin1String("consentHosts") ? answer->hosts : answer->files) = items;
        }
        auto *b = dialog->findChild<QPushButton *>(button);
        QTest::mouseClick(b, Qt::LeftButton);
    });
}

QStringList layerNames(const MainWindow *window)
{
    QStringList names;
    for (const auto &l : window->layers()->layers())
        names << l->name();
    return names;
}

} // namespace

void TestProjectSafety::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1000, 700);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestProjectSafety::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestProjectSafety::aReceivedProjectAsksBeforeReadingOutsideOrContactingServers()
{
    test::TileServer server(QColor(30, 140, 70), {});
    QVERIFY(server.startServing() != 0);
    QTemporaryDir elsewhere;
    const std::array<double, 6> gt{130.0, 0.01, 0, 42.6, 0, -0.01};
    const QString inside = test::makeGeoTiff(mDir.filePath(QStringLiteral("scene.tif")), 4326, 64, 64, gt, Qt::gray);
    const QString outside =
        test::makeGeoTiff(elsewhere.filePath(QStringLiteral("theirs.tif")), 4326, 64, 64, gt, Qt::darkGray);
    const QString path = mDir.filePath(QStringLiteral("received.gpkg"));
    {
        auto project = Project::create(path, nullptr);
        QVERIFY(project);
        QVERIFY(project->setLayers(
            {{inside, {}, QStringLiteral("Scene"), true, 1.0, {}},
             {outside, {}, QStringLiteral("Outside"), true, 1.0, {}},
             {server.urlTemplate(), {}, QStringLiteral("Tiles"), true, 1.0, {}},
             {QStringLiteral("<VRTDataset><VRTRasterBand subClass=\"VRTRawRasterBand\"><SourceFilename>/etc/passwd"
                             "</SourceFilename></VRTRasterBand></VRTDataset>"),
              {}, QStringLiteral("Raw"), true, 1.0, {}}}));
        QVERIFY(project->setCurrentView(QRectF(QPointF(130.0, 41.96), QPointF(130.64, 42.6))));
    }

    // Not allowed: only the layer inside the project's folder opens; nothing is lost from the file.
    ConsentAnswer answer;
    answerConsent(this, QStringLiteral("consentDeny"), &answer);
    QVERIFY(mWindow->openProject(path));
    QVERIFY(answer.asked);
    QCOMPARE(answer.hosts, QStringList{QStringLiteral("127.0.0.1:%1").arg(QUrl(server.urlTemplate()).port())});
    QCOMPARE(answer.files, QStringList{QFileInfo(outside).canonicalFilePath()});
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(!layerNames(mWindow).contains(QStringLiteral("Outside")));
    QVERIFY(!layerNames(mWindow).contains(QStringLiteral("Tiles")));
    QVERIFY(layerNames(mWindow).contains(QStringLiteral("Scene")));
    const QString said = mWindow->messageBar()->text();
    QVERIFY2(said.contains(QStringLiteral("Raw")) && said.contains(QStringLiteral("inline GDAL XML (VRTDataset)")),
             qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("skipped")), qPrintable(said)); // none was missing
    QVERIFY2(said.contains(QStringLiteral("not opened without your permission")), qPrintable(said));
    QCOMPARE(server.requestCount(), 0);
    mWindow->projectController()->flush();
    QCOMPARE(Project::open(path, Project::Mode::ReadOnly, nullptr)->layers().size(), 4);

    // Allowed: both open, the server is asked for tiles; the answer is remembered for this project.
    mWindow->projectController()->closeProject();
    answer = {};
    answerConsent(this, QStringLiteral("consentAllow"), &answer);
    QVERIFY(mWindow->openProject(path));
    QVERIFY(answer.asked);
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(layerNames(mWindow).contains(QStringLiteral("Outside")));
    QVERIFY(layerNames(mWindow).contains(QStringLiteral("Tiles")));
    QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() > 0, 10000);

    mWindow->projectController()->closeProject();
    answer = {};
    answerConsent(this, QStringLiteral("consentDeny"), &answer);
    QVERIFY(mWindow->openProject(path));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(!answer.asked);
    QVERIFY(layerNames(mWindow).contains(QStringLiteral("Tiles")));
    QVERIFY(!layerNames(mWindow).contains(QStringLiteral("Raw"))); // refused every time, and kept
    mWindow->projectController()->flush();
    QCOMPARE(Project::open(path, Project::Mode::ReadOnly, nullptr)->layers().size(), 4);
}

void TestProjectSafety::aRawBandVrtOpenedByHandIsRefused()
{
    QTemporaryDir elsewhere;
    const QString secret = elsewhere.filePath(QStringLiteral("private.key"));
    {
        QFile f(secret);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'S'));
    }
    const QString vrt = mDir.filePath(QStringLiteral("received.vrt"));
    {
        QFile f(vrt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("<VRTDataset rasterXSize=\"64\" rasterYSize=\"64\"><VRTRasterBand dataType=\"Byte\" "
                               "band=\"1\" subClass=\"VRTRawRasterBand\"><SourceFilename>%1</SourceFilename>"
                               "</VRTRasterBand></VRTDataset>")
                    .arg(secret)
                    .toUtf8());
    }
    mWindow->openFiles({vrt});
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(mWindow->layers()->count(), 0);
    const QString said = mWindow->messageBar()->text();
    QVERIFY2(said.contains(QStringLiteral("refused")) && said.contains(QStringLiteral("VRTRawRasterBand")),
             qPrintable(said));
}
