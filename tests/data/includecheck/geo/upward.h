#pragma once

#include "layers/layer.h"
#include "geo/crs.h"
