// terrain.frag — hillshade × hypsometric tint of a lon/lat DEM, in any projection: the mesh's
// texture coordinates already place each grid cell where the projection puts it (terrain.vert).
// Up close the grid is sampled with a cubic B-spline (four bilinear fetches) so cells do not show.
// Land above the snowline of its latitude is tinted as permanent snow and ice (Greenland's and
// Iceland's ice caps, the Alps' and the Himalaya's glaciers), and land south of 60°S, Antarctica's
// ice sheet and shelves, whatever its height.
#version 330 core
in vec2 v_uv;

// Per cell: elevation (m), east gradient, north gradient (m/m); row 0 is the north edge.
uniform sampler2D u_elevation;
uniform vec3 u_sun;        // unit vector towards the sun (east, north, up)
uniform float u_exaggeration;
uniform vec2 u_texels;     // texture size in cells
uniform bool u_bicubic;
uniform vec2 u_feather;    // fade-out width inside the fade box's edge, in texture units (0: none)
uniform vec2 u_fade_min;   // the fade box (the whole DEM's extent) in texture units: a window read
uniform vec2 u_fade_max;   // from a larger DEM fades only where that DEM ends
uniform float u_opacity;
uniform vec2 u_lat_span;   // latitude (degrees) at v = 0 and v = 1: the grid is lon/lat, north up

out vec4 frag_color;

const float kNoData = -1000.0;  // uploaded no-data is far below this

// Elevation colour ramp, metres → colour (green lowlands, tan, brown, grey rock, snow).
const int kStops = 9;
const float kStopElevation[kStops] = float[](0.0, 400.0, 900.0, 1500.0, 2200.0, 3100.0, 4200.0, 5100.0, 6000.0);
const vec3 kStopColour[kStops] = vec3[](
    vec3(0.627, 0.780, 0.573),   // lowland green
    vec3(0.780, 0.855, 0.620),   // light green
    vec3(0.910, 0.890, 0.690),   // pale yellow
    vec3(0.890, 0.800, 0.610),   // tan
    vec3(0.820, 0.690, 0.530),   // light brown
    vec3(0.720, 0.590, 0.470),   // brown
    vec3(0.690, 0.640, 0.610),   // grey rock
    vec3(0.880, 0.870, 0.860),   // light rock
    vec3(1.000, 1.000, 1.000));  // snow

// Ice: bluish white at the shelves' few tens of metres, white on the 4,000 m plateau.
const vec3 kIceLow = vec3(0.860, 0.910, 0.950);
const vec3 kIceHigh = vec3(0.985, 0.990, 1.000);
// Where the ice tint takes over from the elevation ramp (south of 60°S; no land lies near it).
const float kIceFromLat = -60.0;

// The climatic snowline (glaciers' equilibrium-line altitude) by latitude, in metres: about 5,000 m
// in the inner tropics (the Andes of Peru), 5,600 m in the dry subtropics (Tibet's plateau, at 4,500-
// 5,000 m, is a cold desert, not ice), 3,800 m at 42° (the Tian Shan), 2,900 m at 46° (the Alps),
// 1,500 m at 60° (Norway), 600 m at 70° (Greenland), sea level at 80°. A rough global model:
// maritime ranges (Patagonia, New Zealand) hold ice lower, but it puts the ice caps and the high
// ranges' snow where they are.
const int kSnowStops = 8;
const float kSnowLatitude[kSnowStops] = float[](0.0, 20.0, 35.0, 42.0, 46.0, 60.0, 70.0, 80.0);
const float kSnowlineMetres[kSnowStops] = float[](5000.0, 5600.0, 5600.0, 3800.0, 2900.0, 1500.0, 600.0, 0.0);
// The snow tint fades in over this height above the snowline.
const float kSnowFadeMetres = 400.0;

float snowline(float latitude) {
    float a = abs(latitude);
    for (int i = 1; i < kSnowStops; ++i) {
        if (a < kSnowLatitude[i]) {
            float t = (a - kSnowLatitude[i - 1]) / (kSnowLatitude[i] - kSnowLatitude[i - 1]);
            return mix(kSnowlineMetres[i - 1], kSnowlineMetres[i], t);
        }
    }
    return kSnowlineMetres[kSnowStops - 1];
}

vec3 hypsometricTint(float z) {
    if (z <= kStopElevation[0]) return kStopColour[0];
    for (int i = 1; i < kStops; ++i) {
        if (z < kStopElevation[i]) {
            float t = (z - kStopElevation[i - 1]) / (kStopElevation[i] - kStopElevation[i - 1]);
            return mix(kStopColour[i - 1], kStopColour[i], t);
        }
    }
    return kStopColour[kStops - 1];
}

// Cubic B-spline filtering from four bilinear taps (GPU Gems 2, ch. 20).
vec3 sampleBicubic(vec2 uv) {
    vec2 st = uv * u_texels - 0.5;
    vec2 i = floor(st);
    vec2 f = st - i;
    vec2 w0 = (1.0 / 6.0) * (1.0 - f) * (1.0 - f) * (1.0 - f);
    vec2 w1 = (1.0 / 6.0) * (3.0 * f * f * f - 6.0 * f * f + 4.0);
    vec2 w2 = (1.0 / 6.0) * (-3.0 * f * f * f + 3.0 * f * f + 3.0 * f + 1.0);
    vec2 w3 = (1.0 / 6.0) * f * f * f;
    vec2 g0 = w0 + w1;
    vec2 g1 = w2 + w3;
    vec2 h0 = (i - 0.5 + w1 / g0) / u_texels;
    vec2 h1 = (i + 1.5 + w3 / g1) / u_texels;
    vec3 t00 = texture(u_elevation, vec2(h0.x, h0.y)).rgb;
    vec3 t10 = texture(u_elevation, vec2(h1.x, h0.y)).rgb;
    vec3 t01 = texture(u_elevation, vec2(h0.x, h1.y)).rgb;
    vec3 t11 = texture(u_elevation, vec2(h1.x, h1.y)).rgb;
    return mix(mix(t00, t10, g1.x / (g0.x + g1.x)), mix(t01, t11, g1.x / (g0.x + g1.x)), g1.y / (g0.y + g1.y));
}

void main() {
    vec3 cell = u_bicubic ? sampleBicubic(v_uv) : texture(u_elevation, v_uv).rgb;
    float z = cell.r;
    if (z < kNoData) discard;
    vec3 normal = normalize(vec3(-cell.g * u_exaggeration, -cell.b * u_exaggeration, 1.0));

    // Lambert shading relative to flat ground (flat = 1), softened so shadows stay readable.
    float lambert = max(dot(normal, u_sun), 0.0);
    float relative = lambert / max(u_sun.z, 0.05);
    float shade = clamp(mix(1.0, relative, 0.6), 0.45, 1.1);

    float latitude = mix(u_lat_span.x, u_lat_span.y, v_uv.y);
    float antarctic = 1.0 - smoothstep(kIceFromLat - 0.5, kIceFromLat + 0.5, latitude);
    float line = snowline(latitude);
    float ice = max(antarctic, smoothstep(line, line + kSnowFadeMetres, z));
    vec3 ice_tint = mix(kIceLow, kIceHigh, clamp(z / 4000.0, 0.0, 1.0));
    vec3 colour = mix(hypsometricTint(z), ice_tint, ice) * shade;
    float alpha = u_opacity;
    if (u_feather.x > 0.0) {
        vec2 inside = min(v_uv - u_fade_min, u_fade_max - v_uv) / u_feather;
        alpha *= smoothstep(0.0, 1.0, clamp(min(inside.x, inside.y), 0.0, 1.0));
    }
    frag_color = vec4(min(colour, vec3(1.0)), alpha);
}
