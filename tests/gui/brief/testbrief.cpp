#include "brief/testbrief.h"

#include "support/casewindow.h"

#include "brief/brief.h"
#include "ui/brief/briefactions.h"
#include "ui/brief/briefblockeditor.h"
#include "ui/brief/briefcomposer.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "ui/map/savedviewsmenu.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace sightline;

namespace {
const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);
const QString kTitle = QStringLiteral("Rajin Dunai shuttle");

QRectF viewWgs84(const MapCanvas *canvas)
{
    const MapSettings s = canvas->mapSettings();
    return Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
}

Brief parse(const QString &json)
{
    QString error;
    const Brief brief = briefFromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &error);
    return error.isEmpty() ? brief : Brief{};
}

int rowOf(const BriefComposer *composer, BriefBlock::Kind kind, int nth = 0)
{
    const QList<BriefBlock> &blocks = composer->brief().blocks;
    for (int i = 0; i < blocks.size(); ++i)
        if (blocks[i].kind == kind && nth-- == 0)
            return i;
    return -1;
}
} // namespace

void TestBrief::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestBrief::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestBrief::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestBrief::waitForIdle()
{
    return test::waitForIdle(mWindow);
}

QString TestBrief::openCaseInNewProject(const QString &name)
{
    return test::openCaseInNewProject(mWindow, mDir, name);
}

BriefComposer *TestBrief::openComposer()
{
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionBriefComposer"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto *composer = mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer"));
    return composer && composer->isVisible() ? composer : nullptr;
}

bool TestBrief::addBlock(BriefComposer *composer, const QString &name)
{
    QMenu *menu = composer->addButton()->menu();
    if (!menu)
        return false;
    const QList<QAction *> actions = menu->findChildren<QAction *>(name);
    if (actions.size() != 1 || !actions.first()->isEnabled())
        return false;
    actions.first()->trigger();
    return true;
}

QString TestBrief::storedBrief() const
{
    const ProjectSession *session = mWindow->projectController()->session();
    if (!session)
        return {};
    const auto stored = session->project().briefDefinition();
    return stored ? QString::fromUtf8(QJsonDocument(*stored).toJson(QJsonDocument::Compact)) : QString();
}

void TestBrief::actionsNeedAProject()
{
    auto *compose = mWindow->findChild<QAction *>(QStringLiteral("actionBriefComposer"));
    auto *exportPdf = mWindow->findChild<QAction *>(QStringLiteral("actionExportBrief"));
    QVERIFY(compose && exportPdf);
    QVERIFY(!compose->isEnabled());
    QVERIFY(!exportPdf->isEnabled());
    QVERIFY2(compose->toolTip().contains(QStringLiteral("project")), qPrintable(compose->toolTip()));
    QVERIFY2(exportPdf->toolTip().contains(QStringLiteral("project")), qPrintable(exportPdf->toolTip()));
    // Nothing opens without a project, even when asked directly.
    QVERIFY(!mWindow->briefActions()->openComposer());

    QVERIFY(mWindow->projectController()->newProject(mDir.filePath(QStringLiteral("needs.gpkg"))));
    QVERIFY(compose->isEnabled());
    QVERIFY(exportPdf->isEnabled());
    QVERIFY(!compose->toolTip().contains(QStringLiteral("first")));
    BriefComposer *composer = openComposer();
    QVERIFY(composer);

    // Closing the project closes the composer: its brief went with the project.
    mWindow->projectController()->closeProject();
    QVERIFY(!compose->isEnabled());
    QVERIFY(!exportPdf->isEnabled());
    QTRY_VERIFY(!mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer")));
}

void TestBrief::composesPreviewsKeepsAndExportsABrief()
{
    const QString path = openCaseInNewProject(QStringLiteral("brief.gpkg"));
    QVERIFY(!path.isEmpty());
    QVERIFY(storedBrief().isEmpty());
    BriefComposer *composer = openComposer();
    QVERIFY(composer);
    QVERIFY(composer->isWindow());

    // No brief in the project yet: the standard template, made for the project's title.
    QCOMPARE(composer->titleEdit()->text(), QStringLiteral("brief"));
    const int templateBlocks = composer->blockList()->count();
    QCOMPARE(templateBlocks, int(loadBriefTemplate(QStringLiteral("standard"), nullptr)->blocks.size()));
    QCOMPARE(composer->brief().figureCount(), 1);
    // Opening is not an edit: nothing is written until something changes.
    QTest::qWait(600);
    QVERIFY(storedBrief().isEmpty());

    composer->titleEdit()->clear();
    QTest::keyClicks(composer->titleEdit(), kTitle);

    // A section after the template's first figure, typed into its editor.
    composer->blockList()->setCurrentRow(0);
    QVERIFY(addBlock(composer, QStringLiteral("addBlock_section")));
    QCOMPARE(composer->blockList()->currentRow(), 1);
    BriefBlockEditor *editor = composer->blockEditor();
    QVERIFY(editor->sectionText()->isVisible());
    QTest::keyClicks(editor->sectionHeading(), QStringLiteral("Assessment"));
    QTest::keyClicks(editor->sectionText(), QStringLiteral("Both vessels went dark off Rajin."));
    QCOMPARE(composer->blockList()->item(1)->text(), QStringLiteral("Section — Assessment"));

    // A figure of what the map shows now: extent, CRS and the visible layers.
    QVERIFY(addBlock(composer, QStringLiteral("addBlock_figure-map")));
    QCOMPARE(composer->blockList()->currentRow(), 2);
    QVERIFY(editor->figureCaption()->isVisible());
    QTest::keyClicks(editor->figureCaption(), QStringLiteral("Tracks between the two ports"));
    const BriefFigure figure = composer->brief().blocks[2].figure;
    const QRectF view = viewWgs84(mWindow->canvas());
    QVERIFY(!figure.extentWgs84.isNull());
    QVERIFY(std::abs(figure.extentWgs84.left() - view.left()) < 1e-6);
    QVERIFY(std::abs(figure.extentWgs84.top() - view.top()) < 1e-6);
    QVERIFY(std::abs(figure.extentWgs84.width() - view.width()) < 1e-6);
    QCOMPARE(figure.crs, mWindow->canvas()->crs().authId());
    QVERIFY2(figure.layers.contains(QStringLiteral("ports_APPROXIMATE")),
             qPrintable(figure.layers.join(u',')));
    QCOMPARE(figure.caption, QStringLiteral("Tracks between the two ports"));
    QCOMPARE(composer->brief().figureCount(), 2);
    QCOMPARE(composer->blockList()->item(2)->text(), QStringLiteral("Figure — Tracks between the two ports"));

    // Print resolution.
    QComboBox *preset = composer->presetCombo();
    preset->setCurrentIndex(preset->findData(300));
    QCOMPARE(composer->brief().page.dpi, 300);

    // The preview follows: the PDF as it will be written, with the new title on its first page.
    QPdfDocument *document = composer->previewDocument();
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isPreviewPending() &&
                                 document->status() == QPdfDocument::Status::Ready &&
                                 document->getAllText(0).text().contains(kTitle),
                             20000);
    const int pages = document->pageCount();
    QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
    QCOMPARE(pages, composer->previewResult().pages);
    // The two maps, and the timeline when there are events or dated sightings to draw.
    const int figures = composer->previewResult().figures;
    QVERIFY2(figures >= 2, qPrintable(QString::number(figures)));
    QVERIFY2(
        composer->statusText().startsWith(QStringLiteral("%1 pages · %2 figures").arg(pages).arg(figures)),
        qPrintable(composer->statusText()));
    bool sectionShown = false;
    for (int p = 0; p < pages; ++p)
        sectionShown |= document->getAllText(p).text().contains(QStringLiteral("Assessment"));
    QVERIFY(sectionShown);

    // Every edit is kept in the project as it is made.
    QTRY_VERIFY_WITH_TIMEOUT(parse(storedBrief()) == composer->brief(), 5000);
    const Brief stored = parse(storedBrief());
    QCOMPARE(stored.title, kTitle);
    QCOMPARE(stored.page.dpi, 300);
    QCOMPARE(stored.figureCount(), 2);
    const int section = rowOf(composer, BriefBlock::Kind::Section);
    QCOMPARE(section, 1);
    QCOMPARE(stored.blocks[section].heading, QStringLiteral("Assessment"));
    QCOMPARE(stored.blocks[section].text, QStringLiteral("Both vessels went dark off Rajin."));
    QCOMPARE(stored.blocks[2].figure.extentWgs84, figure.extentWgs84);

    // Closed and opened again, the composer shows the brief the project keeps.
    composer->close();
    QTRY_VERIFY(!mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer")));
    composer = openComposer();
    QVERIFY(composer);
    QCOMPARE(composer->titleEdit()->text(), kTitle);
    QCOMPARE(composer->presetCombo()->currentData().toInt(), 300);
    QCOMPARE(composer->blockList()->count(), templateBlocks + 2);
    composer->blockList()->setCurrentRow(1);
    QCOMPARE(composer->blockEditor()->sectionHeading()->text(), QStringLiteral("Assessment"));
    QCOMPARE(composer->blockEditor()->sectionText()->toPlainText(),
             QStringLiteral("Both vessels went dark off Rajin."));
    composer->blockList()->setCurrentRow(2);
    QCOMPARE(composer->blockEditor()->figureCaption()->text(),
             QStringLiteral("Tracks between the two ports"));
    QVERIFY(composer->blockEditor()->figureView()->currentText().startsWith(QStringLiteral("Kept extent")));
    composer->close();
    QTRY_VERIFY(!mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer")));

    // File → Export Brief PDF…, through its save dialog.
    const QString pdf = mDir.filePath(QStringLiteral("exported brief.pdf"));
    QFile::remove(pdf);
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        dialog->selectFile(pdf);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    });
    auto *exportAction = mWindow->findChild<QAction *>(QStringLiteral("actionExportBrief"));
    QVERIFY(exportAction && exportAction->isEnabled());
    exportAction->trigger();
    QVERIFY2(seen, "the export dialog did not open");
    QVERIFY(QFileInfo(pdf).size() > 1000);
    const QString message = mWindow->messageBar()->text();
    QVERIFY2(message.contains(
                 QStringLiteral("Brief written: %1 (%2 pages, %3 figures)").arg(pdf).arg(pages).arg(figures)),
             qPrintable(message));
    QCOMPARE(QSettings().value(QStringLiteral("brief/exportDir")).toString(), QFileInfo(pdf).absolutePath());
    // A file that cannot be written is named in the error.
    const QString unwritable = mDir.filePath(QStringLiteral("no such folder/brief.pdf"));
    QVERIFY(!mWindow->briefActions()->exportBriefTo(unwritable));
    QCOMPARE(mWindow->messageBar()->level(), MessageBar::Level::Error);
    QVERIFY2(mWindow->messageBar()->text().contains(unwritable), qPrintable(mWindow->messageBar()->text()));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!pdftotext.waitForStarted(5000))
        QSKIP("pdftotext (poppler-utils) is not installed");
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(kTitle), qPrintable(text.left(500)));
    QVERIFY(text.contains(QStringLiteral("Assessment")));
    QVERIFY(text.contains(QStringLiteral("Tracks between the two ports")));
}

void TestBrief::figuresOfSavedViewsBlocksAndTemplates()
{
    QVERIFY(!openCaseInNewProject(QStringLiteral("views.gpkg")).isEmpty());
    mWindow->canvas()->zoomToWgs84(QRectF(QPointF(130.2, 42.2), QPointF(130.4, 42.35)));
    QVERIFY(waitForIdle());
    QVERIFY(mWindow->mapActions()->savedViews()->saveCurrentView(QStringLiteral("Rajin harbour")));
    BriefComposer *composer = openComposer();
    QVERIFY(composer);

    // Add ▸ Figure from Saved View ▸ Rajin harbour, at the end of the brief.
    const int before = composer->blockList()->count();
    composer->blockList()->setCurrentRow(before - 1);
    auto *saved = composer->addButton()->menu()->findChild<QMenu *>(QStringLiteral("briefAddSavedView"));
    QVERIFY(saved);
    QAction *harbour = nullptr;
    for (QAction *a : saved->actions())
        if (a->text() == QStringLiteral("Rajin harbour"))
            harbour = a;
    QVERIFY(harbour);
    harbour->trigger();
    QCOMPARE(composer->blockList()->count(), before + 1);
    QCOMPARE(composer->blockList()->currentRow(), before);
    BriefFigure figure = composer->brief().blocks[before].figure;
    QCOMPARE(figure.view, QStringLiteral("Rajin harbour"));
    QVERIFY(!figure.extentWgs84.isNull());
    QVERIFY(figure.layers.isEmpty());
    BriefBlockEditor *editor = composer->blockEditor();
    QCOMPARE(editor->figureView()->currentText(), QStringLiteral("Saved view: Rajin harbour"));
    // Figure furniture and size from the editor.
    editor->figureHeight()->setValue(80);
    QCOMPARE(composer->brief().blocks[before].figure.heightMm, 80.0);

    // Moved up one, then the block it passed removed.
    QTest::mouseClick(composer->findChild<QToolButton *>(QStringLiteral("briefMoveUp")), Qt::LeftButton);
    QCOMPARE(composer->blockList()->currentRow(), before - 1);
    QCOMPARE(composer->brief().blocks[before - 1].figure.view, QStringLiteral("Rajin harbour"));
    const BriefBlock::Kind passed = composer->brief().blocks[before].kind;
    composer->blockList()->setCurrentRow(before);
    QTest::mouseClick(composer->findChild<QToolButton *>(QStringLiteral("briefRemoveBlock")), Qt::LeftButton);
    QCOMPARE(composer->blockList()->count(), before);
    QCOMPARE(rowOf(composer, passed), -1);

    // The events table lists the types ticked.
    const int events = rowOf(composer, BriefBlock::Kind::EventsTable);
    QVERIFY(events >= 0);
    composer->blockList()->setCurrentRow(events);
    QListWidget *types = editor->eventTypes();
    for (int i = 0; i < types->count(); ++i)
        types->item(i)->setCheckState(types->item(i)->data(Qt::UserRole).toString() == QStringLiteral("gap")
                                          ? Qt::Checked
                                          : Qt::Unchecked);
    QCOMPARE(composer->brief().blocks[events].eventTypes, QStringList{QStringLiteral("gap")});

    // A template changes the page, not the content of a brief that has some.
    const QList<BriefBlock> blocks = composer->brief().blocks;
    auto *letter = composer->findChild<QAction *>(QStringLiteral("briefTemplate_letter"));
    QVERIFY(letter);
    letter->trigger();
    QCOMPARE(composer->brief().page.size, QPageSize::Letter);
    QCOMPARE(composer->findChild<QComboBox *>(QStringLiteral("briefPageSize"))->currentText(),
             QPageSize::name(QPageSize::Letter));
    QCOMPARE(composer->brief().blocks, blocks);

    // All of it kept, and the preview written at Letter size.
    QTRY_VERIFY_WITH_TIMEOUT(parse(storedBrief()) == composer->brief(), 5000);
    QPdfDocument *document = composer->previewDocument();
    QTRY_VERIFY_WITH_TIMEOUT(!composer->isPreviewPending() &&
                                 document->status() == QPdfDocument::Status::Ready &&
                                 std::abs(document->pagePointSize(0).width() - 612) < 1,
                             20000);
    QVERIFY(document->pageCount() > 1);
}
