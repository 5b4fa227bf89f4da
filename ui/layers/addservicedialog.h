#pragma once

#include "layers/imageryservice.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;

namespace sightline {

/// Choose a well-known basemap or type an XYZ/TMS template or WMTS URL.
class AddServiceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddServiceDialog(QWidget *parent = nullptr);
    /// The URL to open (a template or a capabilities URL).
    QString url() const;

private:
    QComboBox *mPresets;
    QLineEdit *mUrl;
    QLabel *mAttribution;
};

} // namespace sightline
