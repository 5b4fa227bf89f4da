// The project's vessel detections: what a run of detection found in one image, and the AIS
// vessels it did not see. Members of Project, kept apart from project.cpp like the events.

#include "project/project.h"
#include "project/projectschema.h"

#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace sightline {

namespace {

using projecttable::kAisWithoutDetection;
using projecttable::kAnalysisRuns;
using projecttable::kDetections;

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

double real(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 || !f.IsFieldSetAndNotNull(i) ? 0.0 : f.GetFieldAsDouble(i);
}

std::int64_t whole(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 || !f.IsFieldSetAndNotNull(i) ? 0 : f.GetFieldAsInteger64(i);
}

bool isNull(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 || !f.IsFieldSetAndNotNull(i);
}

std::optional<QPointF> pointOf(const OGRFeature &f)
{
    const OGRGeometry *g = f.GetGeometryRef();
    if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint)
        return std::nullopt;
    return QPointF(g->toPoint()->getX(), g->toPoint()->getY());
}

QPolygonF footprintFromJson(const QJsonArray &ring)
{
    QPolygonF polygon;
    for (const QJsonValue &v : ring)
        polygon << QPointF(v.toArray().at(0).toDouble(), v.toArray().at(1).toDouble());
    return polygon;
}

/// Deletes the rows of `table` whose run_id is one of `runs`; false when one cannot be.
bool deleteRowsOfRuns(OGRLayer *table, const std::vector<std::int64_t> &runs)
{
    std::vector<GIntBig> rows;
    table->ResetReading();
    for (auto &f : *table)
        if (std::find(runs.begin(), runs.end(), whole(*f, "run_id")) != runs.end())
            rows.push_back(f->GetFID());
    for (GIntBig fid : rows)
        if (table->DeleteFeature(fid) != OGRERR_NONE)
            return false;
    return true;
}

} // namespace

QJsonObject DetectionRun::recordJson() const
{
    QJsonArray ring;
    for (const QPointF &p : footprint)
        ring.append(QJsonArray{p.x(), p.y()});
    QJsonObject o = parameters;
    o.insert(QStringLiteral("image"), image);
    o.insert(QStringLiteral("scene_id"), sceneId);
    o.insert(QStringLiteral("acquired_at"),
             QDateTime::fromMSecsSinceEpoch(acquiredMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("footprint"), ring);
    return o;
}

std::vector<MovementEvent> DetectionRun::events() const
{
    std::vector<MovementEvent> list;
    for (std::size_t i = 0; i < detections.size(); ++i) {
        const VesselDetection &d = detections[i];
        MovementEvent e;
        const std::int64_t row = i < detectionIds.size() ? detectionIds[i] : 0;
        e.id = row ? detectionEventId(row) : 0;
        e.type = EventType::VesselDetection;
        e.mmsi = d.mmsi.value_or(0);
        e.startMs = e.endMs = acquiredMs;
        e.from = e.to = d.lonLat;
        e.details = QJsonObject{{QStringLiteral("dark"), !d.mmsi.has_value()},
                                {QStringLiteral("length_m"), d.lengthM},
                                {QStringLiteral("width_m"), d.widthM},
                                {QStringLiteral("heading"), d.headingDeg},
                                {QStringLiteral("detection_confidence"), d.confidence},
                                {QStringLiteral("scene_id"), sceneId},
                                {QStringLiteral("image"), image}};
        if (d.mmsi) {
            e.details.insert(QStringLiteral("match_score"), d.matchScore);
            e.details.insert(QStringLiteral("vessel_name"), d.vesselName);
        }
        if (row)
            e.details.insert(QStringLiteral("detection_id"), qint64(row));
        e.parameters = parameters;
        list.push_back(std::move(e));
    }
    return list;
}

std::vector<DetectionRun> Project::detectionRuns() const
{
    std::vector<DetectionRun> runs;
    GdalErrorCapture quiet; // a damaged table's missing columns read as empty
    OGRLayer *runTable = mDs->GetLayerByName(kAnalysisRuns);
    OGRLayer *table = mDs->GetLayerByName(kDetections);
    if (!runTable || !table)
        return runs; // a project from before detections
    // The last run of each image: a run replaces the image's earlier answer.
    std::map<QString, DetectionRun> byImage;
    runTable->ResetReading();
    for (auto &f : *runTable) {
        if (ogrText(*f, "kind") != QLatin1String(kDetectionRunKind))
            continue;
        const QJsonObject record = parseJson(ogrText(*f, "parameters"));
        DetectionRun run;
        run.id = f->GetFID();
        run.image = resolveSource(record.value(QStringLiteral("image")).toString());
        run.sceneId = record.value(QStringLiteral("scene_id")).toString();
        run.acquiredMs =
            QDateTime::fromString(record.value(QStringLiteral("acquired_at")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        run.footprint = footprintFromJson(record.value(QStringLiteral("footprint")).toArray());
        run.parameters = QJsonObject{{QStringLiteral("detection"), record.value(QStringLiteral("detection"))},
                                     {QStringLiteral("matching"), record.value(QStringLiteral("matching"))}};
        run.ranMs = ogrUtcTime(*f, f->GetFieldIndex("ran_at"));
        auto &slot = byImage[run.image];
        if (run.id > slot.id)
            slot = std::move(run);
    }
    std::map<std::int64_t, DetectionRun *> byId;
    for (auto &[image, run] : byImage)
        byId[run.id] = &run;
    table->ResetReading();
    for (auto &f : *table) {
        const auto run = byId.find(whole(*f, "run_id"));
        if (run == byId.end())
            continue;
        const auto at = pointOf(*f);
        if (!at) {
            noteReadProblem(QStringLiteral("table '%1' row %2: no point; left out")
                                .arg(QLatin1String(kDetections))
                                .arg(f->GetFID()));
            continue;
        }
        VesselDetection d;
        d.lonLat = *at;
        d.pixel = QPointF(real(*f, "pixel_col"), real(*f, "pixel_row"));
        d.lengthM = real(*f, "length_m");
        d.widthM = real(*f, "width_m");
        d.headingDeg = real(*f, "heading");
        d.confidence = real(*f, "confidence");
        d.pixelCount = int(whole(*f, "pixel_count"));
        d.peakRatio = real(*f, "peak_ratio");
        if (!isNull(*f, "mmsi") && whole(*f, "mmsi") > 0)
            d.mmsi = std::uint32_t(whole(*f, "mmsi"));
        d.vesselName = ogrText(*f, "vessel_name");
        d.matchScore = real(*f, "match_score");
        d.matchDistanceM = real(*f, "match_distance_m");
        run->second->detections.push_back(d);
        run->second->detectionIds.push_back(f->GetFID());
    }
    if (OGRLayer *unseen = mDs->GetLayerByName(kAisWithoutDetection)) {
        unseen->ResetReading();
        for (auto &f : *unseen) {
            const auto run = byId.find(whole(*f, "run_id"));
            if (run == byId.end())
                continue;
            AisWithoutDetection a;
            a.mmsi = std::uint32_t(whole(*f, "mmsi"));
            a.vesselName = ogrText(*f, "vessel_name");
            a.lonLat = pointOf(*f).value_or(QPointF());
            a.reportedLengthM = real(*f, "reported_length_m");
            a.reason = ogrText(*f, "reason");
            run->second->aisWithoutDetection.push_back(a);
        }
    }
    for (auto &[image, run] : byImage)
        runs.push_back(std::move(run));
    std::sort(runs.begin(), runs.end(), [](const DetectionRun &a, const DetectionRun &b) {
        return std::pair(a.acquiredMs, a.id) < std::pair(b.acquiredMs, b.id);
    });
    return runs;
}

namespace {

/// Writes the rows of `run` (its id set) into the two tables; with `keepIds`, each detection
/// back under its own row (an undo putting a run back).
bool writeDetectionRows(OGRLayer *table, OGRLayer *unseen, DetectionRun &run, const QString &storedImage,
                        bool keepIds)
{
    const QString parameters = compactJson(run.parameters);
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < run.detections.size(); ++i) {
        const VesselDetection &d = run.detections[i];
        OGRFeature f(table->GetLayerDefn());
        if (keepIds && i < run.detectionIds.size())
            f.SetFID(run.detectionIds[i]);
        f.SetField("run_id", GIntBig(run.id));
        f.SetField("scene_id", run.sceneId.toUtf8().constData());
        f.SetField("image", storedImage.toUtf8().constData());
        setOgrUtcTime(f, f.GetFieldIndex("acquired_at"), run.acquiredMs);
        f.SetField("length_m", d.lengthM);
        f.SetField("width_m", d.widthM);
        f.SetField("heading", d.headingDeg);
        f.SetField("confidence", d.confidence);
        f.SetField("pixel_count", d.pixelCount);
        f.SetField("peak_ratio", d.peakRatio);
        f.SetField("pixel_col", d.pixel.x());
        f.SetField("pixel_row", d.pixel.y());
        if (d.mmsi) { // null: dark, no AIS vessel fits
            f.SetField("mmsi", GIntBig(*d.mmsi));
            f.SetField("vessel_name", d.vesselName.toUtf8().constData());
            f.SetField("match_score", d.matchScore);
            f.SetField("match_distance_m", d.matchDistanceM);
        }
        f.SetField("parameters", parameters.toUtf8().constData());
        const OGRPoint at(d.lonLat.x(), d.lonLat.y());
        f.SetGeometry(&at);
        if (table->CreateFeature(&f) != OGRERR_NONE)
            return false;
        ids.push_back(f.GetFID());
    }
    run.detectionIds = std::move(ids);
    for (const AisWithoutDetection &a : run.aisWithoutDetection) {
        OGRFeature f(unseen->GetLayerDefn());
        f.SetField("run_id", GIntBig(run.id));
        f.SetField("scene_id", run.sceneId.toUtf8().constData());
        f.SetField("image", storedImage.toUtf8().constData());
        setOgrUtcTime(f, f.GetFieldIndex("acquired_at"), run.acquiredMs);
        f.SetField("mmsi", GIntBig(a.mmsi));
        f.SetField("vessel_name", a.vesselName.toUtf8().constData());
        f.SetField("reported_length_m", a.reportedLengthM);
        f.SetField("reason", a.reason.toUtf8().constData());
        const OGRPoint at(a.lonLat.x(), a.lonLat.y());
        f.SetGeometry(&at);
        if (unseen->CreateFeature(&f) != OGRERR_NONE)
            return false;
    }
    return true;
}

/// The runs recorded for `storedImage` (its earlier answers).
std::vector<std::int64_t> runsOfImage(OGRLayer *runs, const QString &storedImage)
{
    std::vector<std::int64_t> ids;
    runs->ResetReading();
    for (auto &f : *runs)
        if (ogrText(*f, "kind") == QLatin1String(kDetectionRunKind) &&
            parseJson(ogrText(*f, "parameters")).value(QStringLiteral("image")).toString() == storedImage)
            ids.push_back(f->GetFID());
    return ids;
}

} // namespace

bool Project::replaceDetections(DetectionRun &run)
{
    return inTransaction(QStringLiteral("cannot store the vessels detected in '%1'").arg(run.sceneId), [&] {
        OGRLayer *table = mDs->GetLayerByName(kDetections);
        OGRLayer *unseen = mDs->GetLayerByName(kAisWithoutDetection);
        OGRLayer *runs = mDs->GetLayerByName(kAnalysisRuns);
        if (!table || !unseen || !runs)
            return false;
        const QString stored = storeSource(run.image);
        // The image's earlier answer goes: one answer per image.
        const std::vector<std::int64_t> earlier = runsOfImage(runs, stored);
        const std::size_t before = std::size_t(table->GetFeatureCount());
        if (!deleteRowsOfRuns(table, earlier) || !deleteRowsOfRuns(unseen, earlier))
            return false;
        const std::size_t replaced = before - std::size_t(table->GetFeatureCount());

        DetectionRun record = run;
        record.image = stored;
        OGRFeature r(runs->GetLayerDefn());
        r.SetField("kind", kDetectionRunKind);
        run.ranMs = QDateTime::currentMSecsSinceEpoch();
        setOgrUtcTime(r, r.GetFieldIndex("ran_at"), run.ranMs);
        r.SetField("analyst", mAnalyst.toUtf8().constData());
        r.SetField("parameters", compactJson(record.recordJson()).toUtf8().constData());
        r.SetField("event_count", int(run.detections.size()));
        if (runs->CreateFeature(&r) != OGRERR_NONE)
            return false;
        run.id = r.GetFID();
        if (!writeDetectionRows(table, unseen, run, stored, false))
            return false;
        qint64 dark = 0;
        for (const VesselDetection &d : run.detections)
            dark += d.mmsi ? 0 : 1;
        return audit(QStringLiteral("detect"), QString::fromLatin1(kDetections), run.id,
                     compactJson({{QStringLiteral("image"), stored},
                                  {QStringLiteral("scene_id"), run.sceneId},
                                  {QStringLiteral("detections"), qint64(run.detections.size())},
                                  {QStringLiteral("dark"), dark},
                                  {QStringLiteral("ais_without_detection"), qint64(run.aisWithoutDetection.size())},
                                  {QStringLiteral("replaced"), qint64(replaced)},
                                  {QStringLiteral("parameters"), run.parameters}}));
    });
}

bool Project::removeDetectionRun(const DetectionRun &run, const std::optional<DetectionRun> &previous)
{
    return inTransaction(QStringLiteral("cannot take back the vessels detected in '%1'").arg(run.sceneId), [&] {
        OGRLayer *table = mDs->GetLayerByName(kDetections);
        OGRLayer *unseen = mDs->GetLayerByName(kAisWithoutDetection);
        OGRLayer *runs = mDs->GetLayerByName(kAnalysisRuns);
        if (!table || !unseen || !runs)
            return false;
        if (!deleteRowsOfRuns(table, {run.id}) || !deleteRowsOfRuns(unseen, {run.id}))
            return false;
        // The run did not happen: its record goes (the audit keeps that it did, and was undone).
        if (runs->DeleteFeature(run.id) != OGRERR_NONE)
            return false;
        if (previous) {
            DetectionRun back = *previous;
            if (!writeDetectionRows(table, unseen, back, storeSource(back.image), true))
                return false;
        }
        return audit(QStringLiteral("undo"), QString::fromLatin1(kDetections), run.id,
                     compactJson({{QStringLiteral("image"), storeSource(run.image)},
                                  {QStringLiteral("detections"), qint64(run.detections.size())},
                                  {QStringLiteral("restored_run"), qint64(previous ? previous->id : 0)}}));
    });
}

} // namespace sightline
