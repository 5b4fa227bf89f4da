#include "time/testdatefields.h"

#include "support/casewindow.h"
#include "fixtures.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "project/projectsession.h"
#include "ui/common/datetimefield.h"
#include "ui/layers/layerpanel.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/time/acquisitiontimedialog.h"
#include "ui/time/timecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace sightline;

namespace {

const QPointF kRajin(130.30, 42.25);

std::int64_t at(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

/// The "known" box beside the Observed field.
QCheckBox *timeKnownBox(SightingDialog *form)
{
    for (QCheckBox *box : form->findChildren<QCheckBox *>())
        if (box->text() == QStringLiteral("known"))
            return box;
    return nullptr;
}

QPushButton *saveButton(QDialog *form)
{
    return form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

/// Types `text` over what the field holds, key by key, as a user does.
void typeInto(DateTimeField *field, const QString &text)
{
    QTest::mouseClick(field->lineEdit(), Qt::LeftButton);
    QTest::keyClick(field->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field->lineEdit(), Qt::Key_Delete);
    QTest::keyClicks(field->lineEdit(), text);
}

} // namespace

void TestDateFields::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestDateFields::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestDateFields::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestDateFields::typedObservedTimesAreSavedAsTyped()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("typed-dates.gpkg")).isEmpty());
    struct Row
    {
        const char *typed;
        const char *saved;
        const char *shown;
    };
    // The first two went wrong in the section-by-section field (2026-10-05, 2023-12-10 05:00).
    const Row rows[] = {
        {"2023-10-05 02:30", "2023-10-05T02:30:00Z", "2023-10-05 02:30 UTC"},
        {"2023-10-05 00:00", "2023-10-05T00:00:00Z", "2023-10-05 00:00 UTC"},
        {"25/10/2023 14:05", "2023-10-25T14:05:00Z", "2023-10-25 14:05 UTC"},
        {"Oct 5, 2023 11:30+09:00", "2023-10-05T02:30:00Z", "2023-10-05 02:30 UTC"},
    };
    MapCanvas *canvas = mWindow->canvas();
    const QPoint point =
        canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin)).toPoint();
    int saved = 0;
    for (const Row &row : rows) {
        QString hint;
        QTimer::singleShot(0, this, [&] {
            auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
            if (!form)
                return;
            QCheckBox *known = timeKnownBox(form);
            if (!known->isChecked())
                QTest::mouseClick(known, Qt::LeftButton);
            typeInto(form->observedAt(), QString::fromUtf8(row.typed));
            hint = form->observedAt()->hintLabel()->text();
            QTest::mouseClick(saveButton(form), Qt::LeftButton);
        });
        mWindow->findChild<QAction *>(QStringLiteral("actionAddPointSighting"))->trigger();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, point);
        QVERIFY2(hint.contains(QString::fromUtf8(row.shown)), qPrintable(hint));
        const QList<Sighting> stored = mWindow->projectController()->session()->project().sightings();
        QCOMPARE(stored.size(), ++saved);
        QCOMPARE(utcIsoString(stored.last().observedAtMs), QString::fromLatin1(row.saved));
    }
}

void TestDateFields::anUnreadableObservedTimeIsRefused()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("bad-date.gpkg")).isEmpty());
    bool stayedOpen = false, saveDisabled = false, red = false;
    QString problem;
    QTimer::singleShot(0, this, [&] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        QCheckBox *known = timeKnownBox(form);
        if (!known->isChecked())
            QTest::mouseClick(known, Qt::LeftButton);
        typeInto(form->observedAt(), QStringLiteral("31/02/2023 02:30"));
        saveDisabled = !saveButton(form)->isEnabled();
        red = form->observedAt()->hintLabel()->styleSheet().contains(QStringLiteral("#b3261e"));
        problem = form->observedAt()->hintLabel()->text();
        // Enter in the field is the other way to save: it must refuse too.
        QTest::keyClick(form->observedAt()->lineEdit(), Qt::Key_Return);
        stayedOpen = form->isVisible() && form->result() != QDialog::Accepted;
        form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAddPointSighting"))->trigger();
    MapCanvas *canvas = mWindow->canvas();
    QTest::mouseClick(canvas, Qt::LeftButton, {},
                      canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin)).toPoint());
    QVERIFY(saveDisabled);
    QVERIFY(red);
    QVERIFY2(problem.contains(QStringLiteral("no day 31")), qPrintable(problem));
    QVERIFY(stayedOpen);
    QVERIFY(mWindow->projectController()->session()->project().sightings().isEmpty());
}

void TestDateFields::observedStartsAtTheTimeCursorAndNeverNow()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("cursor-date.gpkg")).isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    const QPoint point =
        canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin)).toPoint();
    auto openForm = [&](bool *known, QString *shown) {
        QTimer::singleShot(0, this, [this, known, shown] {
            auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
            if (!form)
                return;
            *known = timeKnownBox(form)->isChecked();
            *shown = form->observedAt()->lineEdit()->text();
            form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        });
        mWindow->findChild<QAction *>(QStringLiteral("actionAddPointSighting"))->trigger();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, point);
    };

    bool known = true;
    QString shown = QStringLiteral("unset");
    mWindow->timeController()->setCursorMs(0);
    openForm(&known, &shown); // no cursor and no image under the point: no time at all
    QVERIFY(!known);
    QVERIFY2(shown.isEmpty(), qPrintable(shown));

    mWindow->timeController()->setCursorMs(at("2023-10-03T12:45:00Z"));
    openForm(&known, &shown);
    QVERIFY(known);
    QCOMPARE(shown, QStringLiteral("2023-10-03 12:45"));
}

void TestDateFields::theAcquisitionTimeDialogRefusesAnUnreadableTime()
{
    const QString scene = test::makeGeoTiff(mDir.filePath(QStringLiteral("scene.tif")), 4326, 40, 40,
                                            {130.0, 0.05, 0, 43.0, 0, -0.05}, QColor(200, 30, 30));
    mWindow->openFiles({scene});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mWindow->layers()->layers().first());
    QVERIFY(raster);
    mWindow->layerPanel()->selectLayer(raster->id());
    bool okDisabled = false, okAfterFix = false;
    QTimer::singleShot(0, this, [&] {
        auto *d = qobject_cast<AcquisitionTimeDialog *>(QApplication::activeModalWidget());
        if (!d)
            return;
        QTest::mouseClick(d->byHandBox(), Qt::LeftButton);
        typeInto(d->timeEdit(), QStringLiteral("2023-10-05 25:13"));
        QPushButton *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        okDisabled = !ok->isEnabled();
        QTest::keyClick(d->timeEdit()->lineEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->timeEdit()->lineEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->timeEdit()->lineEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->timeEdit()->lineEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->timeEdit()->lineEdit(), Qt::Key_Backspace);
        QTest::keyClicks(d->timeEdit()->lineEdit(), QStringLiteral("05:13"));
        okAfterFix = ok->isEnabled();
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAcquisitionTime"))->trigger();
    QVERIFY(okDisabled);
    QVERIFY(okAfterFix);
    QCOMPARE(raster->acquiredMs(), at("2023-10-05T05:13:00Z"));
}
