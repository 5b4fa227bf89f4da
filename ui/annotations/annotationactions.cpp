#include "ui/annotations/annotationactions.h"

#include "ui/common/appicon.h"
#include "ui/annotations/annotationdialog.h"
#include "ui/annotations/annotationedittool.h"
#include "ui/annotations/annotationtool.h"
#include "ui/map/mapcanvas.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"

#include <QActionGroup>
#include <QIcon>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QToolBar>

namespace sightline {

namespace {

// The style for new annotations is the analyst's, kept between sessions.
Annotation loadStyle()
{
    QSettings settings;
    Annotation style;
    style.colour = QColor::fromString(
        settings.value(QStringLiteral("annotations/colour"), style.colour.name()).toString());
    style.widthPx = settings.value(QStringLiteral("annotations/width"), style.widthPx).toDouble();
    style.fontPx = settings.value(QStringLiteral("annotations/font"), style.fontPx).toInt();
    if (!style.colour.isValid())
        style.colour = Annotation().colour;
    return style;
}

void saveStyle(const Annotation &style)
{
    QSettings settings;
    settings.setValue(QStringLiteral("annotations/colour"), style.colour.name(QColor::HexArgb));
    settings.setValue(QStringLiteral("annotations/width"), style.widthPx);
    settings.setValue(QStringLiteral("annotations/font"), style.fontPx);
}

} // namespace

AnnotationActions::AnnotationActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                                     QWidget *dialogParent)
    : QObject(dialogParent)
    , mCanvas(canvas)
    , mProject(project)
    , mDialogParent(dialogParent)
    , mDrawTool(std::make_unique<AnnotationTool>(canvas))
    , mEditTool(std::make_unique<AnnotationEditTool>(canvas, layers, project))
{
    mDrawTool->setStyle(loadStyle());
    connect(mDrawTool.get(), &AnnotationTool::annotationDrawn, this, &AnnotationActions::store);
    connect(mEditTool.get(), &AnnotationEditTool::annotationChanged, this, [this](const Annotation &a) {
        if (ProjectSession *session = mProject->session(); session && !mProject->isReadOnly())
            session->editAnnotation(a, tr("Move %1").arg(annotationTypeLabel(a.type).toLower()));
    });
    connect(mEditTool.get(), &AnnotationEditTool::propertiesRequested, this,
            &AnnotationActions::editProperties);
    connect(mEditTool.get(), &AnnotationEditTool::deleteRequested, this, [this](std::int64_t id) {
        if (ProjectSession *session = mProject->session(); session && !mProject->isReadOnly())
            session->removeAnnotation(id);
    });
}

// The window takes the map tool off its canvas before either goes.
AnnotationActions::~AnnotationActions() = default;

void AnnotationActions::populate(QMenu *menu, QToolBar *bar, QActionGroup *tools)
{
    struct Entry
    {
        Annotation::Type type;
        const char *icon;
        const char *objectName;
        QKeySequence shortcut;
        const char *tip;
    };
    const Entry entries[] = {
        {Annotation::Type::Arrow, "annotate-arrow", "actionAnnotateArrow", QKeySequence(Qt::Key_A),
         QT_TR_NOOP("Drag from the tail to the head to draw an arrow")},
        {Annotation::Type::Text, "annotate-text", "actionAnnotateText", QKeySequence(Qt::Key_T),
         QT_TR_NOOP("Click where a text label goes")},
        {Annotation::Type::Callout, "annotate-callout", "actionAnnotateCallout", QKeySequence(Qt::Key_K),
         QT_TR_NOOP("Drag from what it names to where its text goes")},
        {Annotation::Type::Rectangle, "annotate-rectangle", "actionAnnotateRectangle",
         QKeySequence(Qt::Key_R), QT_TR_NOOP("Drag a rectangle to highlight what is in it")},
        {Annotation::Type::Ellipse, "annotate-ellipse", "actionAnnotateEllipse", QKeySequence(Qt::Key_O),
         QT_TR_NOOP("Drag an ellipse to highlight what is in it")},
        {Annotation::Type::Polygon, "annotate-polygon", "actionAnnotatePolygon", QKeySequence(Qt::Key_G),
         QT_TR_NOOP("Click the corners of a highlight polygon; double-click or Enter finishes")},
    };
    for (const Entry &e : entries) {
        QAction *a =
            menu->addAction(appIcon(e.icon),
                            annotationTypeLabel(e.type), this, [this, type = e.type] { startDrawing(type); });
        a->setObjectName(QLatin1String(e.objectName));
        a->setShortcut(e.shortcut);
        a->setToolTip(tr(e.tip));
        a->setCheckable(true);
        tools->addAction(a);
        bar->addAction(a);
    }
    menu->addSeparator();
    QAction *select = menu->addAction(QIcon(QStringLiteral(":/icons/annotate-select.svg")),
                                      tr("&Select and Move Annotations"), this,
                                      [this] { mCanvas->setMapTool(mEditTool.get()); });
    select->setObjectName(QStringLiteral("actionEditAnnotations"));
    select->setShortcut(QKeySequence(Qt::Key_E));
    select->setStatusTip(tr("Drag an annotation to move it, its handles to resize it; double-click for its "
                            "properties; Delete removes it"));
    select->setToolTip(select->statusTip());
    select->setCheckable(true);
    tools->addAction(select);
    bar->addAction(select);
    QAction *properties = menu->addAction(tr("Annotation &Properties…"), this, [this] {
        if (mEditTool->selected())
            editProperties(mEditTool->selected());
    });
    properties->setToolTip(tr("Text, colour, line width and font size of the selected annotation"));
    QAction *remove = menu->addAction(tr("&Delete Annotation"), this, [this] {
        if (const std::int64_t id = mEditTool->selected();
            id && mProject->session() && !mProject->isReadOnly()) {
            mEditTool->select(0);
            mProject->session()->removeAnnotation(id);
        }
    });
    remove->setToolTip(tr("Remove the selected annotation from the project"));
    menu->addSeparator();
    QAction *style = menu->addAction(tr("St&yle for New Annotations…"), this, [this] {
        AnnotationDialog dialog(mDrawTool->style(), tr("Style for New Annotations"), mDialogParent);
        dialog.text()->setEnabled(false);
        if (dialog.exec() != QDialog::Accepted)
            return;
        Annotation s = dialog.annotation();
        s.text.clear();
        mDrawTool->setStyle(s);
        saveStyle(s);
    });
    style->setObjectName(QStringLiteral("actionAnnotationStyle"));
    style->setToolTip(tr("Colour, line width and font size of the annotations drawn next"));
}

void AnnotationActions::startDrawing(Annotation::Type type)
{
    mDrawTool->setType(type);
    mCanvas->setMapTool(mDrawTool.get());
}

void AnnotationActions::store(Annotation annotation)
{
    if (!mProject->requireWritableProject())
        return;
    if (annotation.type == Annotation::Type::Text || annotation.type == Annotation::Type::Callout) {
        AnnotationDialog dialog(annotation, annotationTypeLabel(annotation.type), mDialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return;
        annotation = dialog.annotation();
    }
    mProject->session()->addAnnotation(annotation);
}

bool AnnotationActions::editProperties(std::int64_t id)
{
    ProjectSession *session = mProject->session();
    if (!session || !mProject->requireWritableProject())
        return false;
    const std::optional<Annotation> stored = session->project().annotation(id);
    if (!stored)
        return false;
    AnnotationDialog dialog(*stored, tr("Annotation Properties – %1").arg(annotationTypeLabel(stored->type)),
                            mDialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Annotation edited = dialog.annotation();
    return edited == *stored || session->editAnnotation(edited);
}

} // namespace sightline
