#pragma once

#include "analysis/movementevent.h"
#include "model/annotation.h"
#include "project/detectionrun.h"
#include "model/sighting.h"

#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class GDALDataset;
class QLockFile;

namespace sightline {

/// A layer as the project keeps it: where it comes from and how it is shown.
struct ProjectLayer
{
    QString source;    ///< absolute path, URL or connection string (stored relative to the project)
    QString layerName; ///< a vector source's layer; empty for the only one
    QString name;
    bool visible = true;
    double opacity = 1.0;
    QJsonObject style; ///< see layerstyleio.h
    bool operator==(const ProjectLayer &) const = default;
};

/// A saved view (bookmark): a lon/lat extent and the map CRS.
struct SavedView
{
    QString name;
    QRectF extentWgs84;
    QString crs = QStringLiteral("EPSG:3857");
    bool operator==(const SavedView &) const = default;
};

/// One run of a movement analysis, as the project records it.
struct AnalysisRun
{
    std::int64_t id = 0;
    QString kind; ///< "gaps", "port-calls", "voyages", "encounters", "loitering", "spoofing"
    std::int64_t ranMs = 0;
    QString analyst;
    QJsonObject parameters;
    int eventCount = 0;
};

/// One line of the append-only audit log.
struct AuditEntry
{
    std::int64_t timeMs = 0;
    QString user;
    QString action; ///< "add", "edit", "delete", "restore"
    QString table;  ///< "sightings", …
    std::int64_t featureId = 0;
    QString details; ///< JSON of the values written
};

/// The project: one GeoPackage file that QGIS and ogrinfo can read, holding
///   sightline_project   key/value: schema version, the current view, the analyst
///   sightline_layers    the layers in order (paths relative to the project), style, visibility, opacity
///   sightline_views     saved views
///   sightings           what analysts saw (EPSG:4326 geometry, every field of Sighting)
///   annotations         arrows, labels, callouts and highlights for figures (EPSG:4326)
///   events              what the movement analyses found (EPSG:4326 point where it happened), each
///                       with the parameters that produced it; event_paths: the line from → to of
///                       those that moved, by event_id
///   detections          vessels found in SAR images (EPSG:4326 point), each matched to AIS or dark;
///                       ais_without_detection: AIS vessels in an image's footprint not seen in it
///   sightline_analysis_runs  which analysis ran when, by whom, with which parameters
///   sightline_briefs    brief definitions (JSON, see brief/brief.h) by name
///   sightline_audit     append-only: who changed what, when
/// beside the AIS tables of TrackGeoPackage; projectschema.h lists the columns, checked on open.
/// Every change is one SQLite transaction, committed before the call returns, so a killed
/// program loses nothing it had shown. Opened for writing, the project holds a lock file
/// (NAME.gpkg.lock) so a second instance is told it is in use.
class Project
{
public:
    enum class OpenError
    {
        None,
        NotFound,
        NotAGeoPackage, ///< corrupt, or another format
        NotAProject,    ///< a GeoPackage without Sightline's tables: open it as data instead
        InUse,          ///< another Sightline has it open for writing
        ReadOnlyFile,   ///< the file cannot be written
        Failed
    };
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    ~Project();

    /// Makes a new project file; fails if `path` exists.
    static std::unique_ptr<Project> create(const QString &path, QString *error);
    /// Opens a project. ReadWrite fails with InUse when another instance holds it and
    /// with ReadOnlyFile when the file is not writable; ReadOnly never writes. A damaged or
    /// newer project (see problems()) opens read-only whatever `mode` asks: check isReadOnly().
    static std::unique_ptr<Project> open(const QString &path, Mode mode, QString *error,
                                         OpenError *reason = nullptr);
    /// True when `path` is a GeoPackage with Sightline's project tables.
    static bool isProject(const QString &path);
    /// Adds the project tables to a GeoPackage holding only AIS tracks from `ais import`.
    static bool ensureSchema(const QString &path, QString *error);

    const QString &path() const { return mPath; }
    /// File name without .gpkg, for the title bar.
    QString title() const;
    /// True when opened ReadOnly, or when the project is damaged or newer (see problems()).
    bool isReadOnly() const { return mReadOnly; }
    /// What is wrong with the project, each naming what is at fault: found on open, each missing
    /// table or column and a missing, bad or newer schema version (the project is then read-only
    /// and every write is refused with these); found while reading, rows left out because they
    /// cannot be read (a garbage geometry). Empty for a sound project.
    QStringList problems() const;
    /// True when a table or column is missing or the schema version is bad or newer: only read.
    bool isDamaged() const { return !mDamage.isEmpty(); }
    /// Why a write is refused, naming the file ("'p.gpkg': table 'sightline_audit' is missing: opened
    /// read-only, nothing is written"); empty when the project can be written.
    QString readOnlyReason() const;
    /// Who edits: $SIGHTLINE_ANALYST, else the login name.
    const QString &analyst() const { return mAnalyst; }
    void setAnalyst(const QString &analyst) { mAnalyst = analyst; }
    /// The last error of a write, naming the file.
    const QString &lastError() const { return mError; }
    /// What the user should hear about that was not an error (credentials moved out of the
    /// file on open, a keyring that could not keep them); cleared by the call.
    QStringList takeNotices();

    /// The layers in order, their sources without credentials (see restoreKeptSecrets).
    QList<ProjectLayer> layers() const;
    /// Writes the layer list; credentials in a source are kept in the keyring, not the file.
    bool setLayers(const QList<ProjectLayer> &layers);
    /// A stored source made absolute against the project's folder ("<this project>": this file).
    QString resolveSource(const QString &stored) const;
    /// A source as stored: "<this project>" for the project file itself, relative to the
    /// project's folder for another local file.
    QString storeSource(const QString &source) const;

    std::optional<QRectF> currentView() const;
    bool setCurrentView(const QRectF &extentWgs84);
    QList<SavedView> views() const;
    bool setViews(const QList<SavedView> &views);

    QList<Sighting> sightings() const;
    std::optional<Sighting> sighting(std::int64_t id) const;
    /// Stores a new sighting (its id, times, version and, when empty, analyst filled in); 0 on failure.
    std::int64_t addSighting(Sighting sighting);
    /// Writes the sighting over the stored one with its id; the version goes up by one.
    bool updateSighting(Sighting sighting);
    bool removeSighting(std::int64_t id);
    /// Puts back a removed sighting with its own id and values (undo of a removal).
    bool restoreSighting(Sighting sighting);

    QList<Annotation> annotations() const;
    std::optional<Annotation> annotation(std::int64_t id) const;
    /// Stores a new annotation (id and times filled in); 0 on failure.
    std::int64_t addAnnotation(Annotation annotation);
    bool updateAnnotation(Annotation annotation);
    bool removeAnnotation(std::int64_t id);
    /// Puts back a removed annotation with its own id (undo of a removal).
    bool restoreAnnotation(Annotation annotation);

    /// Every stored event (ids filled in), in type, vessel and time order.
    std::vector<MovementEvent> events() const;
    /// Stores the result of one run of analysis `kind`: the events of `types` found before
    /// are replaced by `events`, in one transaction, and the run is recorded and audited.
    bool replaceEvents(const QString &kind, const QList<EventType> &types,
                       const std::vector<MovementEvent> &events, const QJsonObject &parameters);
    QList<AnalysisRun> analysisRuns() const;

    /// The last vessel detection run of each image (detections, the AIS vessels not seen, the
    /// parameters), oldest image first; rows of a damaged table are left out and noted.
    std::vector<DetectionRun> detectionRuns() const;
    /// Stores one run of vessel detection: the image's previous detections are replaced, in one
    /// transaction, the run recorded among the analysis runs and audited. The run's id and its
    /// detections' ids are set; false (lastError()) on failure.
    bool replaceDetections(DetectionRun &run);
    /// Takes a run's detections out again (undo of replaceDetections), putting back `previous`
    /// (the image's run before it, with its own rows) when there was one.
    bool removeDetectionRun(const DetectionRun &run, const std::optional<DetectionRun> &previous);

    /// The brief stored under `name` (JSON of briefToJson), or nothing when there is none.
    std::optional<QJsonObject> briefDefinition(const QString &name = QStringLiteral("brief")) const;
    /// Stores (replaces) the brief `name`, audited.
    bool setBriefDefinition(const QJsonObject &definition, const QString &name = QStringLiteral("brief"));

    /// The audit log, all of it or the lines of one feature of one table ("sightings", "annotations").
    QList<AuditEntry> auditLog(std::int64_t featureId = -1, const QString &table = {}) const;

private:
    Project() = default;
    /// Runs `work` in one transaction: committed when it returns true, rolled back (and
    /// `failure` reported) when it returns false.
    bool inTransaction(const QString &failure, const std::function<bool()> &work);
    bool auditSighting(const QString &action, const Sighting &sighting);
    bool audit(const QString &action, const QString &table, std::int64_t id, const QString &details);
    QString property(const char *key) const;
    bool writeProperty(const char *key, const QString &value);
    bool fail(const QString &message);
    bool writeSighting(Sighting &s, bool create);
    bool writeAnnotation(Annotation &a, bool create);
    bool auditAnnotation(const QString &action, const Annotation &annotation);
    /// Moves credentials an older file holds in its layer list to the keyring.
    void moveStoredSecrets();
    void noteReadProblem(const QString &problem) const;

    QString mPath;
    bool mReadOnly = false;
    QString mAnalyst;
    mutable QString mError;
    QStringList mNotices;
    QStringList mDamage; ///< what checkProjectSchema found on open
    mutable QStringList mReadProblems;
    std::unique_ptr<GDALDataset> mDs;
    std::unique_ptr<QLockFile> mLock;
};

} // namespace sightline
