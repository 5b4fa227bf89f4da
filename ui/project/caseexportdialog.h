#pragma once

#include "exchange/caseexport.h"
#include "map/timewindow.h"

#include <QDialog>
#include <QRectF>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace sightline {

class BackgroundTask;

/// File → Export Case: the project's tracks, events, sightings and annotations to Google Earth
/// (KMZ, KML) or a GIS format (GeoJSON, GeoPackage, FlatGeobuf), narrowed to the time slider's
/// window and the map view when asked. The export reads the project file on a worker thread with
/// progress and Cancel in the dialog, and says what it wrote; the dialog stays open for another.
class CaseExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `window` is the time slider's (open: no window to offer), `mapViewWgs84` the map's view.
    CaseExportDialog(const QString &projectPath, const TimeWindow &window, std::optional<QRectF> mapViewWgs84,
                     QWidget *parent = nullptr);
    ~CaseExportDialog() override;

    /// The selection the controls make.
    CaseSelection selection() const;
    CaseFormat format() const;
    QString outputPath() const;
    BackgroundTask *task() const { return mTask; }

    /// Starts the export (the Export button).
    void startExport();

Q_SIGNALS:
    /// An export finished: the files written and what they hold ("3 vessels (…), 40 events, …").
    void exported(const QStringList &files, const QString &summary);

private:
    struct Outcome
    {
        bool ok = false;
        QString message;
        QStringList files;
        QString summary;
    };
    static Outcome run(const QString &projectPath, const CaseSelection &selection, CaseFormat format,
                       const QString &path, bool replace, const std::function<bool(double)> &progress);
    QGroupBox *makeTrackShapeBox();
    void formatChanged();
    void browse();
    void showOutcome(const Outcome &outcome);

    QString mProjectPath;
    TimeWindow mWindow;
    std::optional<QRectF> mMapView;
    QComboBox *mFormat;
    QLineEdit *mPath;
    QCheckBox *mTracks, *mEvents, *mSightings, *mAnnotations, *mPositions;
    QRadioButton *mAllTime, *mTimeWindow, *mEverywhere, *mMapViewOnly;
    QComboBox *mSplit;
    QDoubleSpinBox *mSplitGapHours, *mStopDiameter, *mStopDuration, *mGeneralize;
    QSpinBox *mMinInterval;
    QCheckBox *mReplace;
    QLabel *mStatus;
    QPushButton *mExport;
    BackgroundTask *mTask;
};

} // namespace sightline
