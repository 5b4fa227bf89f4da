// The project's brief definitions. Members of Project, kept apart from project.cpp: the brief
// is stored as the JSON its model writes (brief/brief.h), so the project need not know its shape.

#include "project/project.h"
#include "project/projectschema.h"

#include "util/ogrfields.h"

#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QJsonDocument>

namespace sightline {

using projecttable::kBriefs;

std::optional<QJsonObject> Project::briefDefinition(const QString &name) const
{
    OGRLayer *table = mDs->GetLayerByName(kBriefs);
    if (!table)
        return std::nullopt; // a project from before briefs, opened read-only
    table->ResetReading();
    for (auto &f : *table) {
        if (ogrText(*f, "name") != name)
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(ogrText(*f, "definition").toUtf8());
        if (doc.isObject())
            return doc.object();
    }
    return std::nullopt;
}

bool Project::setBriefDefinition(const QJsonObject &definition, const QString &name)
{
    if (briefDefinition(name) == definition)
        return true; // nothing changed: no write, no audit line
    return inTransaction(QStringLiteral("cannot save the brief"), [&] {
        OGRLayer *table = mDs->GetLayerByName(kBriefs);
        if (!table)
            return false;
        std::unique_ptr<OGRFeature> existing;
        table->ResetReading();
        for (auto &f : *table) {
            if (ogrText(*f, "name") == name) {
                existing.reset(f->Clone());
                break;
            }
        }
        OGRFeature fresh(table->GetLayerDefn());
        OGRFeature &f = existing ? *existing : fresh;
        const QByteArray text = QJsonDocument(definition).toJson(QJsonDocument::Compact);
        f.SetField("name", name.toUtf8().constData());
        f.SetField("definition", text.constData());
        setOgrUtcTime(f, f.GetFieldIndex("updated_at"), QDateTime::currentMSecsSinceEpoch());
        const bool ok =
            existing ? table->SetFeature(&f) == OGRERR_NONE : table->CreateFeature(&f) == OGRERR_NONE;
        return ok && audit(QStringLiteral("edit"), QString::fromLatin1(kBriefs), f.GetFID(),
                           QString::fromUtf8(text));
    });
}

} // namespace sightline
