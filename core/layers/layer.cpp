#include "layers/layer.h"

#include <QUuid>

namespace sightline {

Layer::Layer()
    : mId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

} // namespace sightline
