#include "../catchstringmakers.h"

#include "layers/layerstack.h"
#include "layers/vectorlayer.h"
#include "project/layerhistory.h"
#include "project/layerstyleio.h"
#include "project/projectsession.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace sightline;

namespace {

std::shared_ptr<VectorLayer> lineLayer(const QString &name)
{
    VectorFeature f;
    f.kind = VectorFeature::Kind::Line;
    f.points = {QPointF(130.3, 42.2), QPointF(130.4, 42.3)};
    f.partStarts = {0};
    f.bounds = QRectF(QPointF(130.3, 42.2), QPointF(130.4, 42.3));
    f.attributes = {name};
    std::vector<VectorFeature> features{f};
    auto layer = std::make_shared<VectorLayer>(VectorData::fromFeatures(
        QStringLiteral("/data/%1.geojson").arg(name), name, {QStringLiteral("name")}, std::move(features)));
    layer->setName(name);
    return layer;
}

QStringList names(const LayerStack &stack)
{
    QStringList out;
    for (const auto &layer : stack.layers())
        out << layer->name();
    return out;
}

} // namespace

TEST_CASE("a removed layer comes back at its place, as it was, with undo", "[project][undo][layers]")
{
    LayerStack stack;
    QUndoStack undo;
    LayerHistory history(&stack, &undo);
    for (const char *name : {"coast", "rail", "ports"})
        stack.add(lineLayer(QString::fromLatin1(name)));
    auto rail = stack.layers()[1];
    VectorStyle style = std::static_pointer_cast<VectorLayer>(rail)->style();
    style.symbol.stroke = QColor(200, 10, 20);
    std::static_pointer_cast<VectorLayer>(rail)->setStyle(style);
    rail->setOpacity(0.4);
    rail->setVisible(false);
    const ProjectLayer asItWas = projectLayerFor(*rail);

    REQUIRE(history.remove(rail->id()));
    CHECK(names(stack) == QStringList{QStringLiteral("coast"), QStringLiteral("ports")});
    CHECK(undo.undoText() == QStringLiteral("Remove layer 'rail'"));

    undo.undo();
    CHECK(names(stack) == QStringList{QStringLiteral("coast"), QStringLiteral("rail"), QStringLiteral("ports")});
    CHECK(stack.layers()[1] == rail); // the same layer object, with what it held
    CHECK(projectLayerFor(*stack.layers()[1]) == asItWas);

    undo.redo();
    CHECK(stack.indexOf(rail->id()) < 0);
    CHECK_FALSE(history.remove(QStringLiteral("no such layer")));
    CHECK(undo.count() == 1);
}

TEST_CASE("adding, moving and reordering layers are named undo entries", "[project][undo][layers]")
{
    LayerStack stack;
    QUndoStack undo;
    LayerHistory history(&stack, &undo);
    history.add(lineLayer(QStringLiteral("coast")));
    history.add(lineLayer(QStringLiteral("rail")));
    CHECK(names(stack) == QStringList{QStringLiteral("coast"), QStringLiteral("rail")});
    CHECK(undo.text(1) == QStringLiteral("Add layer 'rail'"));

    history.move(0, 1);
    CHECK(names(stack) == QStringList{QStringLiteral("rail"), QStringLiteral("coast")});
    CHECK(undo.undoText() == QStringLiteral("Move layer 'coast' up"));
    undo.undo();
    CHECK(names(stack) == QStringList{QStringLiteral("coast"), QStringLiteral("rail")});

    history.add(lineLayer(QStringLiteral("ports")));
    const QStringList before = {stack.layers()[0]->id(), stack.layers()[1]->id(), stack.layers()[2]->id()};
    history.reorder({before[2], before[0], before[1]}); // as a drag leaves the list
    CHECK(names(stack) == QStringList{QStringLiteral("ports"), QStringLiteral("coast"), QStringLiteral("rail")});
    CHECK(undo.undoText() == QStringLiteral("Reorder layers"));
    const int entries = undo.count();
    history.reorder({before[2], before[0], before[1]}); // the same order again changes nothing
    CHECK(undo.count() == entries);

    undo.undo();
    CHECK(names(stack) == QStringList{QStringLiteral("coast"), QStringLiteral("rail"), QStringLiteral("ports")});
    // Back past the adds: the stack is empty again, and redo brings each back in turn.
    while (undo.canUndo())
        undo.undo();
    CHECK(stack.count() == 0);
    undo.redo();
    CHECK(names(stack) == QStringList{QStringLiteral("coast")});
}

TEST_CASE("rename, opacity and style changes undo to the layer's previous state", "[project][undo][layers]")
{
    LayerStack stack;
    QUndoStack undo;
    LayerHistory history(&stack, &undo);
    auto rail = lineLayer(QStringLiteral("rail"));
    stack.add(rail);
    int changed = 0;
    QObject::connect(&stack, &LayerStack::changed, [&changed] { ++changed; });

    history.rename(rail->id(), QStringLiteral("  Rajin line "));
    CHECK(rail->name() == QStringLiteral("Rajin line"));
    CHECK(undo.undoText() == QStringLiteral("Rename layer 'rail' to 'Rajin line'"));
    history.rename(rail->id(), QStringLiteral("Rajin line")); // no change, no entry
    CHECK(undo.count() == 1);

    // A slider drag: many values, one entry, undone to where it started.
    for (double v : {0.9, 0.7, 0.5, 0.3})
        history.setOpacity(rail->id(), v);
    CHECK(undo.count() == 2);
    CHECK(rail->opacity() == Approx(0.3));

    history.change(rail->id(), QStringLiteral("Restyle layer 'Rajin line'"), [](Layer &l) {
        auto &v = static_cast<VectorLayer &>(l);
        VectorStyle st = v.style();
        st.symbol.strokeWidth = 4.5;
        v.setStyle(st);
    });
    CHECK(undo.count() == 3);
    CHECK(changed > 0);

    undo.undo();
    CHECK(rail->style().symbol.strokeWidth != Approx(4.5));
    undo.undo();
    CHECK(rail->opacity() == Approx(1.0));
    undo.undo();
    CHECK(rail->name() == QStringLiteral("rail"));
    undo.redo();
    undo.redo();
    undo.redo();
    CHECK(rail->name() == QStringLiteral("Rajin line"));
    CHECK(rail->opacity() == Approx(0.3));
    CHECK(rail->style().symbol.strokeWidth == Approx(4.5));

    // Showing and hiding is looking, not editing: no entry, and undoing an edit made before
    // leaves the layer hidden.
    history.setVisible(rail->id(), false);
    CHECK_FALSE(rail->isVisible());
    CHECK(undo.count() == 3);
    undo.undo();
    CHECK(rail->style().symbol.strokeWidth != Approx(4.5));
    CHECK_FALSE(rail->isVisible());
}

TEST_CASE("brief edits are undo entries that write the project", "[project][undo][brief]")
{
    QTemporaryDir dir;
    QUndoStack undo;
    ProjectSession session(Project::create(dir.filePath(QStringLiteral("p.gpkg")), nullptr), &undo);
    int heard = 0;
    QObject::connect(&session, &ProjectSession::briefChanged, [&heard] { ++heard; });
    const QJsonObject empty{{QStringLiteral("title"), QStringLiteral("Case")}};
    const QJsonObject one{{QStringLiteral("title"), QStringLiteral("Case one")}};
    const QJsonObject two{{QStringLiteral("title"), QStringLiteral("Case two")}};

    REQUIRE(session.setBriefDefinition(empty, one, QStringLiteral("Edit brief details")));
    CHECK(session.project().briefDefinition() == one);
    // The next save of the same kind of edit, a moment later: the same entry.
    REQUIRE(session.setBriefDefinition(one, two, QStringLiteral("Edit brief details")));
    CHECK(undo.count() == 1);
    CHECK(session.setBriefDefinition(two, two, QStringLiteral("Edit brief details"))); // nothing to do
    CHECK(undo.count() == 1);

    undo.undo();
    CHECK(session.project().briefDefinition() == empty);
    undo.redo();
    CHECK(session.project().briefDefinition() == two);
    CHECK(heard == 4);
}
