#include "ui/annotations/annotationdialog.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace sightline {

AnnotationDialog::AnnotationDialog(const Annotation &annotation, const QString &title, QWidget *parent)
    : QDialog(parent)
    , mAnnotation(annotation)
    , mText(new QPlainTextEdit(annotation.text, this))
    , mColour(new QPushButton(this))
    , mWidth(new QDoubleSpinBox(this))
    , mFont(new QSpinBox(this))
{
    setObjectName(QStringLiteral("annotationDialog"));
    setWindowTitle(title);
    auto *form = new QFormLayout(this);
    mText->setObjectName(QStringLiteral("annotationText"));
    mText->setTabChangesFocus(true);
    mText->setFixedHeight(70);
    mText->setPlaceholderText(annotation.type == Annotation::Type::Text ||
                                      annotation.type == Annotation::Type::Callout
                                  ? tr("What the figure should say")
                                  : tr("Optional caption"));
    form->addRow(tr("Text"), mText);
    mColour->setObjectName(QStringLiteral("annotationColour"));
    connect(mColour, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(mAnnotation.colour, this, tr("Annotation Colour"));
        if (chosen.isValid())
            setColour(chosen);
    });
    setColour(annotation.colour);
    form->addRow(tr("Colour"), mColour);
    mWidth->setRange(0.5, 20);
    mWidth->setSingleStep(0.5);
    mWidth->setSuffix(tr(" px"));
    mWidth->setValue(annotation.widthPx);
    form->addRow(tr("Line width"), mWidth);
    mFont->setRange(6, 96);
    mFont->setSuffix(tr(" px"));
    mFont->setValue(annotation.fontPx);
    form->addRow(tr("Font size"), mFont);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AnnotationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    mText->setFocus();
}

void AnnotationDialog::setColour(const QColor &colour)
{
    mAnnotation.colour = colour;
    QPixmap swatch(28, 14);
    swatch.fill(colour);
    mColour->setIcon(QIcon(swatch));
    mColour->setText(colour.name());
}

Annotation AnnotationDialog::annotation() const
{
    Annotation a = mAnnotation;
    a.text = mText->toPlainText().trimmed();
    a.widthPx = mWidth->value();
    a.fontPx = mFont->value();
    return a;
}

void AnnotationDialog::accept()
{
    const Annotation a = annotation();
    if ((a.type == Annotation::Type::Text || a.type == Annotation::Type::Callout) && a.text.isEmpty() &&
        !a.lonLat.isEmpty()) {
        QMessageBox::warning(this, windowTitle(),
                             tr("A %1 needs some text.").arg(annotationTypeLabel(a.type).toLower()));
        return;
    }
    QDialog::accept();
}

} // namespace sightline
