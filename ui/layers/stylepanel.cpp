#include "ui/layers/stylepanel.h"

#include "project/layerhistory.h"

#include "layers/layerstack.h"
#include "layers/vectorlayer.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace sightline {

namespace {
constexpr int kMaxCategories = 24;

void paintSwatch(QPushButton *button, const QColor &colour)
{
    button->setStyleSheet(QStringLiteral("QPushButton{background:%1;border:1px solid #889;min-height:18px;}")
                              .arg(colour.name(QColor::HexArgb)));
    button->setToolTip(colour.name(QColor::HexArgb));
}

// Distinct colours for categories, in the order values are listed.
QColor categoryColour(int i)
{
    static const QRgb palette[] = {0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b,
                                   0xe377c2, 0x17becf, 0xbcbd22, 0x393b79, 0xad494a, 0x637939};
    const QColor c = QColor::fromRgb(palette[i % 12]);
    return i < 12 ? c : c.darker(130);
}
} // namespace

StylePanel::StylePanel(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mStroke(new QPushButton(this))
    , mStrokeWidth(new QDoubleSpinBox(this))
    , mPenStyle(new QComboBox(this))
    , mFill(new QPushButton(this))
    , mFillOpacity(new QSlider(Qt::Horizontal, this))
    , mShape(new QComboBox(this))
    , mPointSize(new QDoubleSpinBox(this))
    , mRailway(new QCheckBox(tr("Railway ticks"), this))
    , mLabelField(new QComboBox(this))
    , mCategoryField(new QComboBox(this))
    , mClassify(new QPushButton(tr("Classify"), this))
    , mCategories(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("stylePanel"));
    mStrokeWidth->setRange(0.2, 12);
    mStrokeWidth->setSingleStep(0.2);
    mStrokeWidth->setSuffix(QStringLiteral(" px"));
    mStrokeWidth->setObjectName(QStringLiteral("strokeWidth"));
    mPenStyle->addItem(tr("Solid"), int(Qt::SolidLine));
    mPenStyle->addItem(tr("Dashed"), int(Qt::DashLine));
    mPenStyle->addItem(tr("Dotted"), int(Qt::DotLine));
    mPenStyle->addItem(tr("Dash-dot"), int(Qt::DashDotLine));
    mFillOpacity->setRange(0, 255);
    mShape->addItem(tr("Circle"), int(VectorSymbol::Shape::Circle));
    mShape->addItem(tr("Square"), int(VectorSymbol::Shape::Square));
    mShape->addItem(tr("Triangle"), int(VectorSymbol::Shape::Triangle));
    mShape->addItem(tr("Anchor (harbour)"), int(VectorSymbol::Shape::Anchor));
    mPointSize->setRange(2, 40);
    mPointSize->setSuffix(QStringLiteral(" px"));
    mLabelField->setObjectName(QStringLiteral("labelField"));
    mCategoryField->setObjectName(QStringLiteral("categoryField"));
    mCategories->setObjectName(QStringLiteral("categoryTable"));
    mCategories->setHorizontalHeaderLabels({tr("Value"), tr("Colour"), tr("Shown")});
    mCategories->verticalHeader()->hide();
    mCategories->horizontalHeader()->setStretchLastSection(true);
    mCategories->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *form = new QFormLayout();
    form->addRow(tr("Stroke"), mStroke);
    form->addRow(tr("Width"), mStrokeWidth);
    form->addRow(tr("Line"), mPenStyle);
    form->addRow(QString(), mRailway);
    form->addRow(tr("Fill"), mFill);
    form->addRow(tr("Fill opacity"), mFillOpacity);
    form->addRow(tr("Point"), mShape);
    form->addRow(tr("Point size"), mPointSize);
    form->addRow(tr("Labels"), mLabelField);
    form->addRow(tr("Categories by"), mCategoryField);
    form->addRow(QString(), mClassify);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(mCategories, 1);

    connect(mStroke, &QPushButton::clicked, this, [this] { pickColour(false); });
    connect(mFill, &QPushButton::clicked, this, [this] { pickColour(true); });
    for (QDoubleSpinBox *s : {mStrokeWidth, mPointSize})
        connect(s, &QDoubleSpinBox::valueChanged, this, &StylePanel::apply);
    for (QComboBox *c : {mPenStyle, mShape, mLabelField})
        connect(c, &QComboBox::currentIndexChanged, this, &StylePanel::apply);
    connect(mCategoryField, &QComboBox::currentIndexChanged, this, [this] {
        if (!mLoading) {
            mStyle.categories.clear();
            apply();
        }
    });
    connect(mFillOpacity, &QSlider::valueChanged, this, &StylePanel::apply);
    connect(mRailway, &QCheckBox::toggled, this, &StylePanel::apply);
    connect(mClassify, &QPushButton::clicked, this, &StylePanel::classify);
    connect(mCategories, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (row >= mStyle.categories.size())
            return;
        VectorSymbol &s = mStyle.categories[row].symbol;
        if (column == 2) {
            s.visible = !s.visible;
        } else if (column == 1) {
            const QColor c = QColorDialog::getColor(s.stroke, this, tr("Category colour"));
            if (!c.isValid())
                return;
            s.stroke = c;
            s.fill = QColor(c.red(), c.green(), c.blue(), s.fill.alpha());
        }
        apply();
    });
    connect(mLayers, &LayerStack::layerRemoved, this, [this](const QString &id) {
        if (mLayer && mLayer->id() == id)
            showLayer(QString());
    });
    // An undo or redo puts another style on the layer: the panel shows it, and edits start from it.
    connect(mLayers, &LayerStack::changed, this, [this] {
        if (mLayer && !mLoading && !mApplying)
            load();
    });
    setEnabled(false);
}

void StylePanel::showLayer(const QString &layerId)
{
    mLayer = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(layerId));
    setEnabled(bool(mLayer));
    if (mLayer)
        load();
}

void StylePanel::load()
{
    mLoading = true;
    mStyle = mLayer->style();
    const VectorSymbol &s = mStyle.symbol;
    paintSwatch(mStroke, s.stroke);
    paintSwatch(mFill, s.fill);
    mStrokeWidth->setValue(s.strokeWidth);
    mPenStyle->setCurrentIndex(std::max(0, mPenStyle->findData(int(s.penStyle))));
    mFillOpacity->setValue(s.fill.alpha());
    mShape->setCurrentIndex(std::max(0, mShape->findData(int(s.shape))));
    mPointSize->setValue(s.pointSize);
    mRailway->setChecked(s.railway);
    mLabelField->clear();
    mCategoryField->clear();
    mLabelField->addItem(tr("— none —"), QString());
    mCategoryField->addItem(tr("— none —"), QString());
    for (const QString &f : mLayer->data().fieldNames()) {
        mLabelField->addItem(f, f);
        mCategoryField->addItem(f, f);
    }
    // A category field may be an OSM tag inside other_tags: list it too.
    if (!mStyle.categoryField.isEmpty() && mCategoryField->findData(mStyle.categoryField) < 0)
        mCategoryField->addItem(mStyle.categoryField, mStyle.categoryField);
    mLabelField->setCurrentIndex(std::max(0, mLabelField->findData(mStyle.labelField)));
    mCategoryField->setCurrentIndex(std::max(0, mCategoryField->findData(mStyle.categoryField)));
    mCategories->setRowCount(int(mStyle.categories.size()));
    for (int r = 0; r < mStyle.categories.size(); ++r) {
        const VectorCategory &c = mStyle.categories[r];
        mCategories->setItem(r, 0, new QTableWidgetItem(c.value.isEmpty() ? tr("(empty)") : c.value));
        auto *swatch = new QTableWidgetItem();
        swatch->setBackground(c.symbol.stroke);
        mCategories->setItem(r, 1, swatch);
        mCategories->setItem(r, 2, new QTableWidgetItem(c.symbol.visible ? tr("yes") : tr("no")));
    }
    mLoading = false;
}

void StylePanel::apply()
{
    if (mLoading || !mLayer)
        return;
    VectorSymbol &s = mStyle.symbol;
    s.strokeWidth = mStrokeWidth->value();
    s.penStyle = Qt::PenStyle(mPenStyle->currentData().toInt());
    s.fill.setAlpha(mFillOpacity->value());
    s.shape = VectorSymbol::Shape(mShape->currentData().toInt());
    s.pointSize = mPointSize->value();
    s.railway = mRailway->isChecked();
    mStyle.labelField = mLabelField->currentData().toString();
    mStyle.categoryField = mCategoryField->currentData().toString();
    mApplying = true;
    const VectorStyle style = mStyle;
    if (mUndo) {
        LayerHistory(mLayers, mUndo).change(mLayer->id(), tr("Restyle layer '%1'").arg(mLayer->name()),
                                            [&style](Layer &l) { static_cast<VectorLayer &>(l).setStyle(style); });
    } else {
        mLayer->setStyle(style);
        mLayers->notifyStyleChanged(mLayer->id());
    }
    mApplying = false;
    load();
}

void StylePanel::classify()
{
    if (!mLayer || mCategoryField->currentData().toString().isEmpty())
        return;
    const QString field = mCategoryField->currentData().toString();
    std::set<QString> values;
    for (const VectorFeature &f : mLayer->data().features()) {
        values.insert(mLayer->data().value(f, field));
        if (int(values.size()) > kMaxCategories)
            break;
    }
    mStyle.categories.clear();
    int i = 0;
    for (const QString &v : values) {
        if (i == kMaxCategories)
            break;
        VectorCategory c;
        c.value = v;
        c.label = v;
        c.symbol = mStyle.symbol;
        c.symbol.stroke = categoryColour(i);
        c.symbol.fill = QColor(c.symbol.stroke.red(), c.symbol.stroke.green(), c.symbol.stroke.blue(),
                               mStyle.symbol.fill.alpha());
        mStyle.categories << c;
        ++i;
    }
    apply();
}

void StylePanel::pickColour(bool fill)
{
    const QColor current = fill ? mStyle.symbol.fill : mStyle.symbol.stroke;
    const QColor c =
        QColorDialog::getColor(current, this, fill ? tr("Fill colour") : tr("Stroke colour"),
                               fill ? QColorDialog::ShowAlphaChannel : QColorDialog::ColorDialogOptions());
    if (!c.isValid())
        return;
    if (fill)
        setFillColour(c);
    else
        setStrokeColour(c);
}

void StylePanel::setStrokeColour(const QColor &colour)
{
    mStyle.symbol.stroke = colour;
    apply();
}

void StylePanel::setFillColour(const QColor &colour)
{
    mStyle.symbol.fill = colour;
    mFillOpacity->blockSignals(true);
    mFillOpacity->setValue(colour.alpha());
    mFillOpacity->blockSignals(false);
    apply();
}

} // namespace sightline
