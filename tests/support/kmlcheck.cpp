// Checks a KML or KMZ file with libkml, Google's reference implementation of OGC KML 2.2 (with
// its gx: extensions): the file must parse, and no element may hold anything libkml's schema
// does not allow there — no unknown element, no KML element out of its place, no unknown
// attribute. Prints what it found; exit 0 when clean, 1 when not, 2 when unreadable.
//   usage: sightline_kml_check FILE.kmz|FILE.kml
#include <kml/base/attributes.h>
#include <kml/dom.h>
#include <kml/dom/visitor.h>
#include <kml/dom/visitor_driver.h>
#include <kml/dom/xsd.h>
#include <kml/engine.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace {

class Inspector : public kmldom::Visitor
{
public:
    void VisitElement(const kmldom::ElementPtr &element) override
    {
        ++elements;
        const std::string name = kmldom::Xsd::GetSchema()->ElementName(element->Type());
        for (std::size_t i = 0; i < element->get_unknown_elements_array_size(); ++i)
            problem("unknown element in <" + name + ">: " + element->get_unknown_elements_array_at(i));
        for (std::size_t i = 0; i < element->get_misplaced_elements_array_size(); ++i)
            problem("misplaced in <" + name + ">: <" +
                    kmldom::Xsd::GetSchema()->ElementName(element->get_misplaced_elements_array_at(i)->Type()) +
                    ">");
        if (const kmlbase::Attributes *unknown = element->GetUnknownAttributes())
            for (auto it = unknown->CreateIterator(); !it.AtEnd(); it.Advance())
                problem("unknown attribute of <" + name + ">: " + it.Data().first);
    }

    int elements = 0;
    int problems = 0;

private:
    void problem(const std::string &what)
    {
        if (++problems <= 20)
            std::cout << what.substr(0, 300) << "\n";
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: sightline_kml_check FILE.kmz|FILE.kml\n";
        return 2;
    }
    const std::string path = argv[1];
    std::string kml;
    if (path.size() > 4 && path.substr(path.size() - 4) == ".kmz") {
        std::unique_ptr<kmlengine::KmzFile> kmz(kmlengine::KmzFile::OpenFromFile(path.c_str()));
        if (!kmz || !kmz->ReadKml(&kml)) {
            std::cerr << path << ": not a KMZ with a KML file inside\n";
            return 2;
        }
    } else {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        kml = text.str();
    }
    std::string errors;
    const kmldom::ElementPtr root = kmldom::Parse(kml, &errors);
    if (!root) {
        std::cout << path << ": does not parse as KML: " << errors << "\n";
        return 1;
    }
    Inspector inspector;
    kmldom::SimplePreorderDriver(&inspector).Visit(root);
    std::cout << path << ": " << inspector.elements << " KML elements, " << inspector.problems
              << " not allowed by KML 2.2 where they are\n";
    return inspector.problems == 0 ? 0 : 1;
}
