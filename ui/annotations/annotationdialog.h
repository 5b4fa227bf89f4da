#pragma once

#include "model/annotation.h"

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace sightline {

/// An annotation's text and look: colour, line width, font size. Also edits the
/// style new annotations get.
class AnnotationDialog : public QDialog
{
    Q_OBJECT
public:
    AnnotationDialog(const Annotation &annotation, const QString &title, QWidget *parent = nullptr);

    Annotation annotation() const;
    QPlainTextEdit *text() const { return mText; }
    QDoubleSpinBox *width() const { return mWidth; }
    QSpinBox *fontSize() const { return mFont; }
    void setColour(const QColor &colour);

    void accept() override;

private:
    Annotation mAnnotation;
    QPlainTextEdit *mText;
    QPushButton *mColour;
    QDoubleSpinBox *mWidth;
    QSpinBox *mFont;
};

} // namespace sightline
