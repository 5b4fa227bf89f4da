#pragma once

// The fixture the workbench's feature tests share: a fresh MainWindow for each test, a UTM GeoTIFF
// with a red marker at Rajin, and the input helpers they drive it with.


#include <QApplication>
#include <QFile>

#include "ui/layers/attributetable.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/editing/drawtool.h"
#include "ui/editing/featuredialog.h"
#include "fixtures.h"
#include "geo/geodesic.h"
#include "geo/measurement.h"
#include "geo/transform.h"
#include "ui/map/identifypanel.h"
#include "ui/layers/layerchooserdialog.h"
#include "ui/layers/layerpanel.h"
#include "ui/layers/layerpropertiesdialog.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapactions.h"
#include "ui/layers/layeractions.h"
#include "ui/editing/editingactions.h"
#include "ui/common/loadstatus.h"
#include "ui/project/trackimportactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/common/messagebar.h"
#include "ui/layers/postgisdialog.h"
#include "postgisserver.h"
#include "ui/layers/stylepanel.h"
#include "ui/layers/vesselpanel.h"

#include "layers/rasterlayer.h"
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <functional>

namespace sightline::test {

inline const QPointF kRajin(130.30, 42.25);

inline void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

inline void drag(QWidget *w, QPointF from, QPointF to)
{
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        sendMouse(w, QEvent::MouseMove, from + (to - from) * i / 5.0, Qt::NoButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

// Answers File → Import Tracks' question when no project is open with "Layer Only" (the tracks
// read from the file, as before projects kept them), then runs `next` for the dialogs after it.
inline void importAsLayerOnly(QObject *context, bool *asked, std::function<void()> next = {})
{
    QTimer::singleShot(0, context, [context, asked, next] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("importNeedsProjectDialog"))
            return;
        *asked = true;
        if (next)
            QTimer::singleShot(0, context, next);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("layerOnlyButton")), Qt::LeftButton);
    });
}

inline QPointF markerInFrame(const MapCanvas *canvas)
{
    const QPointF p = centroidOfColor(canvas->frame(), Qt::red);
    const qreal dpr = canvas->frame().devicePixelRatio();
    return p.x() < 0 ? p : p / dpr;
}

inline const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");

} // namespace sightline::test

/// A fresh window for each test (init/cleanup), the fixture made once (initTestCase).
class WorkbenchTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

protected:
    bool waitForRender();
    QString mUtmFixture;
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
