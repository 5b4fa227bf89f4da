#pragma once

#include <QDialog>
#include <QStringList>

namespace sightline {

/// Asks whether a project opened from elsewhere may contact the services and read the
/// files outside its folder that its layers name. One dialog for all of them; the
/// answer is remembered for the project (hosts) and this machine (files).
class SourceConsentDialog : public QDialog
{
    Q_OBJECT
public:
    SourceConsentDialog(const QString &projectName, const QStringList &hosts, const QStringList &files,
                        const QStringList &layerNames, QWidget *parent = nullptr);
};

} // namespace sightline
