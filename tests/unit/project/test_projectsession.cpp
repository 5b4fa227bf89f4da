#include "../catchstringmakers.h"

#include "project/projectsession.h"

#include <QTemporaryDir>
#include <QUndoStack>

using namespace sightline;

namespace {

Sighting pits(double lon)
{
    Sighting s;
    s.kind = QStringLiteral("pits");
    s.geometry.type = SightingGeometry::Type::Polygon;
    s.geometry.lonLat = {QPointF(lon, 45.90), QPointF(lon + 0.01, 45.90), QPointF(lon + 0.01, 45.91)};
    s.notes = QStringLiteral("new pits");
    return s;
}

QList<std::int64_t> ids(const Project &p)
{
    QList<std::int64_t> out;
    for (const Sighting &s : p.sightings())
        out << s.id;
    return out;
}

} // namespace

TEST_CASE("undo and redo of sighting edits leave the file as the screen shows it", "[project][undo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    QUndoStack undo;
    std::int64_t first = 0, second = 0;
    {
        ProjectSession session(Project::create(path, nullptr), &undo);
        int changed = 0;
        QObject::connect(&session, &ProjectSession::sightingsChanged, [&changed] { ++changed; });
        REQUIRE(session.addSighting(pits(40.0)));
        first = session.lastAddedId();
        REQUIRE(session.addSighting(pits(40.1)));
        second = session.lastAddedId();
        CHECK(changed == 2);
        Sighting edited = *session.project().sighting(first);
        edited.notes = QStringLiteral("pits, about 20 m across");
        REQUIRE(session.editSighting(edited));
        REQUIRE(session.removeSighting(second));
        CHECK(ids(session.project()) == QList<std::int64_t>{first});
        CHECK(undo.count() == 4);

        undo.undo(); // the removal
        CHECK(ids(session.project()) == QList<std::int64_t>{first, second});
        undo.undo(); // the edit
        CHECK(session.project().sighting(first)->notes == QStringLiteral("new pits"));
        undo.undo(); // the second add
        undo.undo(); // the first add
        CHECK(session.project().sightings().isEmpty());
        undo.redo(); // the first add again: same id
        CHECK(ids(session.project()) == QList<std::int64_t>{first});
        undo.redo();
        undo.redo(); // the edit again
        CHECK(session.project().sighting(first)->notes == QStringLiteral("pits, about 20 m across"));
        CHECK(ids(session.project()) == QList<std::int64_t>{first, second});

        // A sighting the project refuses is not pushed.
        Sighting bad = pits(40.2);
        bad.kind = QStringLiteral("spaceship");
        QStringList failures;
        QObject::connect(&session, &ProjectSession::failed, [&failures](const QString &m) { failures << m; });
        CHECK(!session.addSighting(bad));
        REQUIRE(failures.size() == 1);
        CHECK(failures.first().contains(QStringLiteral("unknown kind")));
        CHECK(undo.count() == 3);
        CHECK(undo.index() == 3);
    }
    CHECK(undo.count() == 0); // closing the project ends its history
    // Reopened, the file holds exactly what was on screen at the end.
    auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    REQUIRE(reopened);
    CHECK(ids(*reopened) == QList<std::int64_t>{first, second});
    CHECK(reopened->sighting(first)->notes == QStringLiteral("pits, about 20 m across"));
    // The audit log has every step, undos included.
    CHECK(reopened->auditLog(first).size() ==
          6); // add, edit, edit (undo), delete (undo), restore (redo), edit (redo)
}

TEST_CASE("saved views are undoable and stored as the list shows them", "[project][undo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("views.gpkg"));
    QUndoStack undo;
    const SavedView rajin{QStringLiteral("Rajin quays"),
                          QRectF(QPointF(130.28, 42.22), QPointF(130.32, 42.26))};
    const SavedView dunai{QStringLiteral("Dunai"), QRectF(QPointF(132.33, 42.87), QPointF(132.37, 42.89))};
    {
        ProjectSession session(Project::create(path, nullptr), &undo);
        int changed = 0;
        QObject::connect(&session, &ProjectSession::savedViewsChanged, [&changed] { ++changed; });
        REQUIRE(session.setSavedViews({rajin}, QStringLiteral("Save view")));
        REQUIRE(session.setSavedViews({rajin, dunai}, QStringLiteral("Save view")));
        CHECK(session.project().views() == QList<SavedView>{rajin, dunai});
        undo.undo();
        CHECK(session.project().views() == QList<SavedView>{rajin});
        undo.redo();
        undo.undo();
        CHECK(changed == 5); // two saves, undo, redo, undo
    }
    const auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    REQUIRE(reopened);
    CHECK(reopened->views() == QList<SavedView>{rajin});
}
