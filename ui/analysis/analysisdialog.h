#pragma once

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QListWidget;

namespace sightline {

class LayerStack;

/// The thresholds of one movement analysis, with the ports (and land) it runs against:
/// every value shown with its unit and its default, so the analyst sees what produced
/// the answer. For voyages, the two ports whose round trips are counted.
class AnalysisDialog : public QDialog
{
    Q_OBJECT
public:
    AnalysisDialog(AnalysisKind kind, const LayerStack *layers, const QString &tracksSummary,
                   QWidget *parent);

    AnalysisRequest request() const;
    /// The ports, from the ticked layers and files (point ports near a drawn outline merged).
    const PortSet &ports() const { return mPorts; }
    /// The land polygons chosen for shore distances (empty for none).
    const PortSet &land() const { return mLand; }
    /// What could not be read among the port sources, for the message bar.
    const QStringList &portProblems() const { return mPortProblems; }

    /// For tests: the field with this option name ("min-gap", "max-speed", …), or null.
    QDoubleSpinBox *field(const QString &option) const;
    QCheckBox *flag(const QString &option) const;
    QListWidget *portSources() const { return mPortList; }
    QComboBox *roundTripPort(int which) const;
    /// The round-trip pair to offer first (busiestPortPair), when both are among the ports.
    void suggestRoundTripPorts(const QString &portA, const QString &portB);
    /// Adds a port file to the list, ticked (what "Add File…" does after its dialog).
    void addPortFile(const QString &path);

private:
    void addNumber(const QString &option, const QString &label, double value, double max, int decimals,
                   const QString &suffix, const std::function<void(AnalysisRequest &, double)> &apply,
                   const QString &tip);
    void addFlag(const QString &option, const QString &label, bool value,
                 const std::function<void(AnalysisRequest &, bool)> &apply, const QString &tip);
    /// The reception model's thresholds (gaps, and calls inferred while dark), `of` the kind's own.
    void addReceptionNumbers(const ReceptionParameters &defaults,
                             ReceptionParameters &(*of)(AnalysisRequest &));
    void reloadPorts();
    void restoreDefaults();

    AnalysisKind mKind;
    AnalysisRequest mDefaults;
    QFormLayout *mForm = nullptr;
    QListWidget *mPortList = nullptr;
    QComboBox *mLandCombo = nullptr;
    QComboBox *mPortA = nullptr;
    QComboBox *mPortB = nullptr;
    QLabel *mPortSummary = nullptr;
    QString mSuggestedA, mSuggestedB;
    struct NumberField
    {
        QString option;
        QDoubleSpinBox *box;
        double defaultValue;
        std::function<void(AnalysisRequest &, double)> apply;
    };
    struct FlagField
    {
        QString option;
        QCheckBox *box;
        bool defaultValue;
        std::function<void(AnalysisRequest &, bool)> apply;
    };
    std::vector<NumberField> mNumbers;
    std::vector<FlagField> mFlags;
    PortSet mPorts;
    PortSet mLand;
    QStringList mPortProblems;
};

} // namespace sightline
