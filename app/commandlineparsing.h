#pragma once

#include "analysis/trajectorygeneralize.h"
#include "geo/crs.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QTextStream;

namespace sightline {

class Project;
struct SourcePermissions;

/// Standard error for the subcommands' messages (stdout is kept for results).
QTextStream &err();

/// The command line of one subcommand on QCommandLineParser, with its help and its mistakes
/// reported the same way for every subcommand: `--help`/`-h` prints the usage to stdout (exit 0);
/// an unknown option, a missing value or a wrong one is named on stderr with the usage (exit 2).
class CommandLine
{
public:
    /// `command` as typed after "sightline" ("render", "ais import"; empty for the workbench);
    /// `synopsis` the usage line(s) after "sightline ", continuation lines indented;
    /// `description` what the command does, for the help.
    CommandLine(const QString &command, const QString &synopsis, const QString &description = {});

    void addOption(const QCommandLineOption &option);
    void addOptions(const QList<QCommandLineOption> &options);
    /// Listed under "Arguments:" in the help; what is given is in positionalArguments(). A
    /// command takes only the arguments declared: one each, or any number for a repeated one.
    enum class Count
    {
        One,
        Many
    };
    void addPositionalArgument(const QString &name, const QString &description, Count count = Count::One);
    /// `-platform` reads as `--platform` rather than `-p -l -a …` (for the workbench, whose Qt
    /// options are spelled with one dash).
    void readSingleDashWordsAsLongOptions();
    /// Text the help ends with (the list of commands, say).
    void setEpilogue(const QString &text) { mEpilogue = text; }

    /// Parses the arguments after the command. Nothing when the command should go on; else the
    /// exit code, the help or the mistake having been printed.
    std::optional<int> parse(const QStringList &args);

    bool isSet(const QString &name) const { return mParser->isSet(name); }
    QString value(const QString &name) const { return mParser->value(name); }
    QStringList values(const QString &name) const { return mParser->values(name); }
    QStringList positionalArguments() const { return mParser->positionalArguments(); }
    /// The options given, in the order given.
    QStringList optionNames() const { return mParser->optionNames(); }

    /// "Usage: sightline …", the description, the options and arguments.
    QString helpText() const;
    /// "sightline COMMAND: message", then the usage and where the options are described, on
    /// stderr. Returns 2, the exit code of a usage mistake.
    int usageError(const QString &message) const;
    /// "sightline COMMAND: message" on stderr, for a value that cannot be used (an extent that is
    /// not a box, an unknown CRS). Returns 2.
    int valueError(const QString &message) const;

private:
    QString prefix() const;

    QString mCommand;
    QString mSynopsis;
    QString mEpilogue;
    std::unique_ptr<QCommandLineParser> mParser; ///< on the heap: a parser cannot be moved
    int mMostArguments = 0;                      ///< -1: any number
};

/// The options several subcommands share, declared once here.
QCommandLineOption projectOption(const QString &description);
QCommandLineOption outputOption(const QString &valueName, const QString &description);
QCommandLineOption extentOption(const QString &description);
/// `--format text|json` of the commands that list what a project holds: text for a person
/// (tab-separated), JSON for a script.
QCommandLineOption listingFormatOption();
/// Whether `--format` asked for JSON; `error` set when it names neither.
bool listingAsJson(const CommandLine &commandLine, QString *error);

/// `--extent`, `--crs` and `--size`: where and how big a map is drawn (render, animate).
struct MapViewArguments
{
    static void addOptions(CommandLine &commandLine, QSize defaultSize, const QString &extentDescription);
    /// Reads the three; false with `error` naming the option and its text when one is wrong.
    bool read(const CommandLine &commandLine, QString *error);

    std::optional<QRectF> extent; ///< WGS84 degrees; nothing when not given
    Crs crs;
    QSize size;
};

/// `--generalize METRES` and `--min-interval DURATION`: the simplification of track lines, read
/// the same way wherever it applies (export writes it, render draws it).
struct GeneralizeArguments
{
    /// `what` names what is thinned ("the tracks", "the track lines drawn").
    static void addOptions(CommandLine &commandLine, const QString &what);
    /// Reads the two; false with `error` naming the option and its text when one is wrong.
    bool read(const CommandLine &commandLine, QString *error);
    /// Either option given (even as 0, which turns the rule off).
    bool given = false;
    GeneralizeParameters parameters;
};

/// `--allow-network` and `--allow-path PATH`: what the layers of a project from elsewhere may
/// reach in this run, beyond its own folder and what the user allowed before (sourcepolicy.h).
struct SourceAccessArguments
{
    static void addOptions(CommandLine &commandLine);
    static SourceAccessArguments read(const CommandLine &commandLine);

    bool allowNetwork = false;
    QStringList paths;
    SourcePermissions permissionsFor(const Project &project) const;
};

/// One word of a command with words under it (`ais decode`, `project info`, `analyze gaps`).
struct Subcommand
{
    QString name;
    QString summary;
    std::function<int(const QStringList &args)> run;
};

/// "  name     summary" lines, one per subcommand, aligned.
QString describeSubcommands(const QList<Subcommand> &subcommands);

/// A command made of subcommands (`sightline ais decode|import`).
struct SubcommandGroup
{
    QString command;                                ///< "ais"
    QString noun = QStringLiteral("subcommand");    ///< what one is called in messages ("analysis")
    QString plural = QStringLiteral("subcommands"); ///< and several ("analyses")
    QList<Subcommand> subcommands;
    QString more; ///< follows the list in the help and in the mistakes (what they share, say)

    /// Runs the subcommand named first with the arguments after it. `--help`/`-h` lists them on
    /// stdout (exit 0); none, or one not in the list, is a usage mistake (exit 2).
    int run(const QStringList &args) const;
    /// "Usage: " and the listing, for --help.
    QString helpText() const;
    /// The usage line, the subcommands with what each does, and `more`.
    QString listing() const;
};

/// Writes what the project has to say on opening (credentials moved out of it, say) to stderr.
void reportProjectNotices(Project &project, const char *command);

} // namespace sightline
