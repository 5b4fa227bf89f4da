#include "commandlineparsing.h"

#include "commandlinevalues.h"
#include "project/project.h"
#include "project/sourcepolicy.h"

#include <QStringList>
#include <QTextStream>

#include <algorithm>

namespace sightline {

namespace {

const QString kHelp = QStringLiteral("help");

/// An unknown option as the user typed it ("-V", "--bogus"), found among the arguments.
QString spelledOption(const QString &name, const QStringList &args)
{
    for (const QString &a : args) {
        const QString bare = a.section(QLatin1Char('='), 0, 0);
        if (bare == QLatin1Char('-') + name || bare == QLatin1String("--") + name)
            return bare;
    }
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

/// `text` broken between words into lines of at most 79 characters, as Qt lays out the options.
QString wrapped(const QString &text)
{
    QString out;
    qsizetype column = 0;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (column && column + 1 + word.size() > 79) {
            out += QLatin1Char('\n');
            column = 0;
        } else if (column) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out;
}

} // namespace

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

CommandLine::CommandLine(const QString &command, const QString &synopsis, const QString &description)
    : mCommand(command)
    , mSynopsis(synopsis)
    , mParser(std::make_unique<QCommandLineParser>())
{
    mParser->setApplicationDescription(wrapped(description));
    mParser->addOption(QCommandLineOption({QStringLiteral("h"), kHelp}, QStringLiteral("Show this help.")));
}

void CommandLine::addOption(const QCommandLineOption &option)
{
    mParser->addOption(option);
}

void CommandLine::addOptions(const QList<QCommandLineOption> &options)
{
    mParser->addOptions(options);
}

void CommandLine::addPositionalArgument(const QString &name, const QString &description, Count count)
{
    mParser->addPositionalArgument(name, description);
    if (count == Count::Many)
        mMostArguments = -1;
    else if (mMostArguments >= 0)
        ++mMostArguments;
}

void CommandLine::readSingleDashWordsAsLongOptions()
{
    mParser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

std::optional<int> CommandLine::parse(const QStringList &args)
{
    // The parser skips the first argument, the program's name.
    const bool parsed = mParser->parse(QStringList{QStringLiteral("sightline")} + args);
    // Asking for help wins over a mistake elsewhere on the line: it is how one finds the fix.
    if (mParser->isSet(kHelp)) {
        QTextStream(stdout) << helpText();
        return 0;
    }
    if (parsed) {
        const QStringList given = mParser->positionalArguments();
        if (mMostArguments >= 0 && given.size() > mMostArguments)
            return usageError(QStringLiteral("unexpected argument '%1'").arg(given.value(mMostArguments)));
        return std::nullopt;
    }
    const QStringList unknown = mParser->unknownOptionNames();
    if (unknown.isEmpty()) {
        // "Missing value after '--project'.", "Unexpected value after '--save'."
        QString text = mParser->errorText();
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        if (!text.isEmpty())
            text[0] = text[0].toLower();
        return usageError(text);
    }
    QStringList spelled;
    for (const QString &name : unknown)
        spelled << spelledOption(name, args);
    return usageError(
        (spelled.size() == 1 ? QStringLiteral("unknown option ") : QStringLiteral("unknown options ")) +
        spelled.join(QStringLiteral(", ")));
}

QString CommandLine::helpText() const
{
    // Qt's first line reads "Usage: <program> [options] …"; the synopsis says more (which options
    // are needed, which exclude each other).
    QString text = mParser->helpText();
    text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
    // A blank line between the usage and the description (Qt leaves one after it already).
    return QStringLiteral("Usage: sightline ") + mSynopsis + QLatin1Char('\n') +
           (text.startsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + text +
           (mEpilogue.isEmpty() ? QString() : QLatin1Char('\n') + mEpilogue);
}

QString CommandLine::prefix() const
{
    return mCommand.isEmpty() ? QStringLiteral("sightline: ")
                              : QStringLiteral("sightline %1: ").arg(mCommand);
}

int CommandLine::usageError(const QString &message) const
{
    const QString help = mCommand.isEmpty() ? QStringLiteral("sightline --help")
                                            : QStringLiteral("sightline %1 --help").arg(mCommand);
    err() << prefix() << message << "\n"
          << "usage: sightline " << mSynopsis << "\n"
          << "'" << help << "' describes every option.\n";
    err().flush();
    return 2;
}

int CommandLine::valueError(const QString &message) const
{
    err() << prefix() << message << "\n";
    err().flush();
    return 2;
}

QCommandLineOption projectOption(const QString &description)
{
    return QCommandLineOption(QStringLiteral("project"), description, QStringLiteral("P.gpkg"));
}

QCommandLineOption outputOption(const QString &valueName, const QString &description)
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, description, valueName);
}

QCommandLineOption extentOption(const QString &description)
{
    return QCommandLineOption(QStringLiteral("extent"), description, QStringLiteral("W,S,E,N"));
}

QCommandLineOption listingFormatOption()
{
    return QCommandLineOption(QStringLiteral("format"),
                              QStringLiteral("text (default: tab-separated, a record a line) or json."),
                              QStringLiteral("FORMAT"), QStringLiteral("text"));
}

bool listingAsJson(const CommandLine &commandLine, QString *error)
{
    const QString format = commandLine.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json") && error)
        *error = QStringLiteral("--format: '%1' is neither text nor json").arg(format);
    return format == QLatin1String("json");
}

void MapViewArguments::addOptions(CommandLine &commandLine, QSize defaultSize,
                                  const QString &extentDescription)
{
    const QString size = QStringLiteral("%1x%2").arg(defaultSize.width()).arg(defaultSize.height());
    commandLine.addOptions({
        extentOption(extentDescription),
        QCommandLineOption(QStringLiteral("crs"), QStringLiteral("Map CRS (default EPSG:3857)."),
                           QStringLiteral("EPSG:N"), QStringLiteral("EPSG:3857")),
        QCommandLineOption(QStringLiteral("size"),
                           QStringLiteral("Image size in pixels (default %1).").arg(size),
                           QStringLiteral("WxH"), size),
    });
}

bool MapViewArguments::read(const CommandLine &commandLine, QString *error)
{
    if (commandLine.isSet(QStringLiteral("extent"))) {
        extent =
            parseExtentValue(QStringLiteral("--extent"), commandLine.value(QStringLiteral("extent")), error);
        if (!extent)
            return false;
    }
    const auto parsedSize =
        parseSizeValue(QStringLiteral("--size"), commandLine.value(QStringLiteral("size")), error);
    if (!parsedSize)
        return false;
    size = *parsedSize;
    QString why;
    crs = Crs::fromUserInput(commandLine.value(QStringLiteral("crs")), &why);
    if (!crs.isValid()) {
        *error = QStringLiteral("--crs: ") + why;
        return false;
    }
    return true;
}

void GeneralizeArguments::addOptions(CommandLine &commandLine, const QString &what)
{
    commandLine.addOptions({
        QCommandLineOption(QStringLiteral("generalize"),
                           QStringLiteral("Thin %1 by Douglas-Peucker: drop positions closer than this to the "
                                          "line kept (50m, 0.2km; a bare number is metres).")
                               .arg(what),
                           QStringLiteral("METRES")),
        QCommandLineOption(QStringLiteral("min-interval"),
                           QStringLiteral("Thin %1 in time: keep a position only this long after the last "
                                          "one kept (60s, 5m, 1h, or ISO 8601 like PT5M); the first and last "
                                          "are always kept.")
                               .arg(what),
                           QStringLiteral("DURATION")),
    });
}

bool GeneralizeArguments::read(const CommandLine &commandLine, QString *error)
{
    if (commandLine.isSet(QStringLiteral("generalize"))) {
        const auto metres = parseDistanceValue(QStringLiteral("--generalize"),
                                               commandLine.value(QStringLiteral("generalize")), error);
        if (!metres)
            return false;
        parameters.toleranceM = *metres;
        given = true;
    }
    if (commandLine.isSet(QStringLiteral("min-interval"))) {
        const auto ms = parseIntervalValue(QStringLiteral("--min-interval"),
                                           commandLine.value(QStringLiteral("min-interval")), error);
        if (!ms)
            return false;
        parameters.minIntervalMs = *ms;
        given = true;
    }
    return true;
}

void SourceAccessArguments::addOptions(CommandLine &commandLine)
{
    commandLine.addOptions({
        QCommandLineOption(QStringLiteral("allow-network"),
                           QStringLiteral("Let the project's layers contact the services they name (off by "
                                          "default: such layers are left out, named on stderr).")),
        QCommandLineOption(
            QStringLiteral("allow-path"),
            QStringLiteral("Let the project's layers read files under PATH, outside its folder "
                           "(may be repeated)."),
            QStringLiteral("PATH")),
    });
}

SourceAccessArguments SourceAccessArguments::read(const CommandLine &commandLine)
{
    SourceAccessArguments access;
    access.allowNetwork = commandLine.isSet(QStringLiteral("allow-network"));
    access.paths = commandLine.values(QStringLiteral("allow-path"));
    return access;
}

SourcePermissions SourceAccessArguments::permissionsFor(const Project &project) const
{
    return sourceconsent::permissionsFor(project.path(), allowNetwork, paths);
}

QString describeSubcommands(const QList<Subcommand> &subcommands)
{
    qsizetype width = 0;
    for (const Subcommand &s : subcommands)
        width = std::max(width, s.name.size());
    QString text;
    for (const Subcommand &s : subcommands)
        text += QStringLiteral("  ") + s.name.leftJustified(width + 2) + s.summary + QLatin1Char('\n');
    return text;
}

QString SubcommandGroup::helpText() const
{
    return QStringLiteral("Usage: ") + listing();
}

QString SubcommandGroup::listing() const
{
    QStringList names;
    for (const Subcommand &s : subcommands)
        names << s.name;
    QString text = QStringLiteral("sightline %1 (%2) …\n\n").arg(command, names.join(QLatin1Char('|')));
    text +=
        plural.left(1).toUpper() + plural.mid(1) + QStringLiteral(":\n") + describeSubcommands(subcommands);
    if (!more.isEmpty())
        text += QLatin1Char('\n') + more;
    text += QStringLiteral("\n'sightline %1 %2 --help' describes each.\n").arg(command, noun.toUpper());
    return text;
}

int SubcommandGroup::run(const QStringList &args) const
{
    const QString first = args.value(0);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        QTextStream(stdout) << helpText();
        return 0;
    }
    for (const Subcommand &s : subcommands)
        if (s.name == first)
            return s.run(args.mid(1));
    QStringList names;
    for (const Subcommand &s : subcommands)
        names << s.name;
    if (first.isEmpty() || first.startsWith(QLatin1Char('-')))
        err() << "sightline " << command << ": which " << noun << "? (" << names.join(QStringLiteral(", "))
              << ")\n";
    else
        err() << "sightline " << command << ": unknown " << noun << " '" << first << "'\n";
    err() << "usage: " << listing();
    err().flush();
    return 2;
}

void reportProjectNotices(Project &project, const char *command)
{
    for (const QString &notice : project.takeNotices())
        err() << "sightline " << command << ": " << notice << "\n";
}

} // namespace sightline
