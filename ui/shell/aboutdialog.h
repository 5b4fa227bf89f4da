#pragma once

#include <QDialog>

namespace sightline {

/// Help → About Sightline: the versions of Sightline and the libraries it runs on, and the
/// credits of the data it ships; the text is selectable and the versions copy in one click.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// One "name version" per line, for a bug report.
    static QString versionReport();
};

} // namespace sightline
