#pragma once

#include "brief/brief.h"
#include "project/project.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace sightline {

class DateTimeField;

/// What a block's editor offers to choose from.
struct BriefEditorContext
{
    QStringList layers;       ///< the map's layer names, top first (as the layer panel lists them)
    QList<SavedView> views;   ///< the project's saved views
    std::int64_t firstMs = 0; ///< the data's time span: a time window's first guess
    std::int64_t lastMs = 0;
};

/// Human-readable extent: "42.100°N–42.500°N, 129.900°E–130.600°E".
QString describeExtent(const QRectF &lonLat);

/// The editor of one block of a brief: a section's heading and text, a figure's view, furniture,
/// time window and layers, a table's heading and (events) types. Emits changed() on every edit.
class BriefBlockEditor : public QWidget
{
    Q_OBJECT
public:
    explicit BriefBlockEditor(QWidget *parent = nullptr);

    /// The layers and views offered; the block shown keeps its choices.
    void setContext(const BriefEditorContext &context);
    /// Shows `block` for editing (emits nothing).
    void setBlock(const BriefBlock &block);
    /// No block selected: a hint instead of fields.
    void clearBlock();
    const BriefBlock &block() const { return mBlock; }
    /// Points the figure at an extent captured from the map (the map's CRS).
    void setFigureExtent(const QRectF &extentWgs84, const QString &crs);
    /// Puts the keyboard in the block's first field.
    void focusFirstField();

    QLineEdit *sectionHeading() const { return mSectionHeading; }
    QPlainTextEdit *sectionText() const { return mSectionText; }
    QLineEdit *figureCaption() const { return mCaption; }
    QComboBox *figureView() const { return mView; }
    QDoubleSpinBox *figureHeight() const { return mHeight; }
    QListWidget *eventTypes() const { return mEventTypes; }

Q_SIGNALS:
    void changed();
    /// The figure's "Use Map View" button: the owner answers with setFigureExtent().
    void captureViewRequested();

private:
    QWidget *buildEmptyPage();
    QWidget *buildSectionPage();
    QWidget *buildFigurePage();
    QWidget *buildEventsPage();
    QWidget *buildHeadingPage();
    QWidget *buildPageBreakPage();
    void showPage(int page);
    void showFigure();
    void fillViews();
    void fillLayers();
    void fillEventTypes();
    void readFigure();
    void readEventTypes();
    void viewChosen();
    void edited();

    BriefBlock mBlock;
    bool mHasBlock = false;
    BriefEditorContext mContext;
    bool mUpdating = false;

    QStackedWidget *mStack;
    QLineEdit *mSectionHeading = nullptr;
    QPlainTextEdit *mSectionText = nullptr;
    QLineEdit *mCaption = nullptr;
    QComboBox *mView = nullptr;
    QToolButton *mCapture = nullptr;
    QDoubleSpinBox *mHeight = nullptr;
    QCheckBox *mCallouts = nullptr;
    QCheckBox *mScaleBar = nullptr;
    QCheckBox *mNorthArrow = nullptr;
    QCheckBox *mLegend = nullptr;
    QCheckBox *mGraticule = nullptr;
    QCheckBox *mInset = nullptr;
    QCheckBox *mFromOn = nullptr;
    QCheckBox *mToOn = nullptr;
    DateTimeField *mFrom = nullptr;
    DateTimeField *mTo = nullptr;
    QListWidget *mLayers = nullptr;
    QLineEdit *mEventsHeading = nullptr;
    QListWidget *mEventTypes = nullptr;
    QLineEdit *mHeading = nullptr;
    QLabel *mHeadingHint = nullptr;
};

} // namespace sightline
