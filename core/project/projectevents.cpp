// The project's events: what the movement analyses found, and the runs that found them.
// Members of Project, kept apart from project.cpp, which holds the analyst's own data.

#include "project/project.h"
#include "project/projectschema.h"
#include "project/safetyevents.h"
#include "tracks/aisbroadcasttables.h"

#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <tuple>

namespace sightline {

namespace {

using projecttable::kEventPaths;
using projecttable::kEvents;
constexpr const char *kRuns = projecttable::kAnalysisRuns;

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A whole number of a column a damaged table may lack: 0, as for a null.
std::int64_t whole(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 ? 0 : f.GetFieldAsInteger64(i);
}

// The path of each event that moved, by event id.
std::map<GIntBig, std::pair<QPointF, QPointF>> eventPaths(GDALDataset *ds)
{
    std::map<GIntBig, std::pair<QPointF, QPointF>> paths;
    OGRLayer *table = ds->GetLayerByName(kEventPaths);
    if (!table)
        return paths;
    table->ResetReading();
    for (auto &f : *table) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString || g->toLineString()->getNumPoints() < 2)
            continue;
        const OGRLineString *line = g->toLineString();
        const int last = line->getNumPoints() - 1;
        paths[GIntBig(whole(*f, "event_id"))] = {QPointF(line->getX(0), line->getY(0)),
                                                 QPointF(line->getX(last), line->getY(last))};
    }
    return paths;
}

} // namespace

std::vector<MovementEvent> Project::events() const
{
    std::vector<MovementEvent> events;
    GdalErrorCapture quiet; // a damaged table's missing columns read as empty
    // A project from before events, opened read-only, has no table.
    if (OGRLayer *table = mDs->GetLayerByName(kEvents)) {
        const auto paths = eventPaths(mDs.get());
        table->ResetReading();
        for (auto &f : *table) {
            const auto type = eventTypeFromKey(ogrText(*f, "type"));
            if (!type) {
                noteReadProblem(QStringLiteral("table '%1' row %2: unknown event type '%3'; left out")
                                    .arg(QLatin1String(kEvents))
                                    .arg(f->GetFID())
                                    .arg(ogrText(*f, "type").left(40)));
                continue;
            }
            MovementEvent e;
            e.id = f->GetFID();
            e.type = *type;
            e.mmsi = std::uint32_t(whole(*f, "mmsi"));
            e.otherMmsi = std::uint32_t(whole(*f, "other_mmsi"));
            e.startMs = ogrUtcTime(*f, f->GetFieldIndex("start_at"));
            e.endMs = ogrUtcTime(*f, f->GetFieldIndex("end_at"));
            e.place = ogrText(*f, "place");
            e.confidence = int(whole(*f, "confidence"));
            e.details = parseJson(ogrText(*f, "details"));
            e.parameters = parseJson(ogrText(*f, "parameters"));
            // Where it happened, and the path when it moved; a project of schema 1 (read-only)
            // still holds the line from → to.
            if (const OGRGeometry *g = f->GetGeometryRef();
                g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
                e.from = e.to = QPointF(g->toPoint()->getX(), g->toPoint()->getY());
                if (const auto path = paths.find(f->GetFID()); path != paths.end())
                    std::tie(e.from, e.to) = path->second;
            } else if (g && wkbFlatten(g->getGeometryType()) == wkbLineString &&
                       g->toLineString()->getNumPoints() == 2) {
                const OGRLineString *line = g->toLineString();
                e.from = QPointF(line->getX(0), line->getY(0));
                e.to = QPointF(line->getX(1), line->getY(1));
            }
            events.push_back(std::move(e));
        }
    }
    // Safety messages the AIS import kept: heard, not found, so they live in their own table.
    // This connection lists only the tables there were when it opened; an import since may have made it.
    const bool listed = mDs->GetLayerByName(aistable::kSafetyMessages) != nullptr;
    for (const SafetyMessage &m : listed ? readSafetyMessages(mDs.get()) : readSafetyMessages(mPath))
        if (m.timeMs >= 0) // one with no time has no place on a timeline
            events.push_back(safetyMessageEvent(m));
    // Vessels seen in images: found there, not in the tracks, so kept in their own table too.
    for (const DetectionRun &run : detectionRuns())
        for (MovementEvent &e : run.events())
            events.push_back(std::move(e));
    std::sort(events.begin(), events.end(), [](const MovementEvent &a, const MovementEvent &b) {
        return std::tuple(int(a.type), a.mmsi, a.startMs, a.id) <
               std::tuple(int(b.type), b.mmsi, b.startMs, b.id);
    });
    return events;
}

bool Project::replaceEvents(const QString &kind, const QList<EventType> &types,
                            const std::vector<MovementEvent> &events, const QJsonObject &parameters)
{
    return inTransaction(QStringLiteral("cannot store the %1 found").arg(kind), [&] {
        OGRLayer *table = mDs->GetLayerByName(kEvents);
        OGRLayer *paths = mDs->GetLayerByName(kEventPaths);
        OGRLayer *runs = mDs->GetLayerByName(kRuns);
        if (!table || !paths || !runs)
            return false;
        // The previous run's events of these types go: one answer per question.
        QStringList keys;
        for (EventType t : types)
            keys << QStringLiteral("'%1'").arg(eventTypeKey(t));
        table->SetAttributeFilter(
            QStringLiteral("type IN (%1)").arg(keys.join(QLatin1Char(','))).toUtf8().constData());
        std::vector<GIntBig> old;
        table->ResetReading();
        for (auto &f : *table)
            old.push_back(f->GetFID());
        table->SetAttributeFilter(nullptr);
        for (GIntBig fid : old)
            if (table->DeleteFeature(fid) != OGRERR_NONE)
                return false;
        // Their paths go with them.
        paths->SetAttributeFilter(
            QStringLiteral("type IN (%1)").arg(keys.join(QLatin1Char(','))).toUtf8().constData());
        std::vector<GIntBig> oldPaths;
        paths->ResetReading();
        for (auto &f : *paths)
            oldPaths.push_back(f->GetFID());
        paths->SetAttributeFilter(nullptr);
        for (GIntBig fid : oldPaths)
            if (paths->DeleteFeature(fid) != OGRERR_NONE)
                return false;

        OGRFeature run(runs->GetLayerDefn());
        run.SetField("kind", kind.toUtf8().constData());
        setOgrUtcTime(run, run.GetFieldIndex("ran_at"), QDateTime::currentMSecsSinceEpoch());
        run.SetField("analyst", mAnalyst.toUtf8().constData());
        run.SetField("parameters", compactJson(parameters).toUtf8().constData());
        run.SetField("event_count", int(events.size()));
        if (runs->CreateFeature(&run) != OGRERR_NONE)
            return false;

        for (const MovementEvent &e : events) {
            OGRFeature f(table->GetLayerDefn());
            f.SetField("run_id", GIntBig(run.GetFID()));
            f.SetField("type", eventTypeKey(e.type).toUtf8().constData());
            f.SetField("mmsi", GIntBig(e.mmsi));
            if (e.otherMmsi)
                f.SetField("other_mmsi", GIntBig(e.otherMmsi));
            setOgrUtcTime(f, f.GetFieldIndex("start_at"), e.startMs);
            setOgrUtcTime(f, f.GetFieldIndex("end_at"), e.endMs);
            f.SetField("duration_h", e.durationHours());
            if (!e.place.isEmpty())
                f.SetField("place", e.place.toUtf8().constData());
            if (e.confidence)
                f.SetField("confidence", e.confidence);
            f.SetField("summary", e.summary().toUtf8().constData());
            f.SetField("details", compactJson(e.details).toUtf8().constData());
            f.SetField("parameters", compactJson(e.parameters).toUtf8().constData());
            // A point where it happened (its start); a zero-length line would be no valid geometry.
            const OGRPoint at(e.from.x(), e.from.y());
            f.SetGeometry(&at);
            if (table->CreateFeature(&f) != OGRERR_NONE)
                return false;
            if (e.to != e.from) {
                OGRFeature path(paths->GetLayerDefn());
                path.SetField("event_id", GIntBig(f.GetFID()));
                path.SetField("type", eventTypeKey(e.type).toUtf8().constData());
                path.SetField("mmsi", GIntBig(e.mmsi));
                OGRLineString line;
                line.addPoint(e.from.x(), e.from.y());
                line.addPoint(e.to.x(), e.to.y());
                path.SetGeometry(&line);
                if (paths->CreateFeature(&path) != OGRERR_NONE)
                    return false;
            }
        }
        return audit(QStringLiteral("analyze"), QString::fromLatin1(kEvents), run.GetFID(),
                     compactJson({{QStringLiteral("kind"), kind},
                                  {QStringLiteral("events"), qint64(events.size())},
                                  {QStringLiteral("replaced"), qint64(old.size())},
                                  {QStringLiteral("parameters"), parameters}}));
    });
}

QList<AnalysisRun> Project::analysisRuns() const
{
    QList<AnalysisRun> list;
    GdalErrorCapture quiet;
    OGRLayer *runs = mDs->GetLayerByName(kRuns);
    if (!runs)
        return list;
    runs->ResetReading();
    for (auto &f : *runs) {
        AnalysisRun r;
        r.id = f->GetFID();
        r.kind = ogrText(*f, "kind");
        r.ranMs = ogrUtcTime(*f, f->GetFieldIndex("ran_at"));
        r.analyst = ogrText(*f, "analyst");
        r.parameters = parseJson(ogrText(*f, "parameters"));
        r.eventCount = int(whole(*f, "event_count"));
        list << r;
    }
    return list;
}

} // namespace sightline
