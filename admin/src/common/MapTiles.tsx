import { TileLayer } from 'react-leaflet';
import { MAP_ATTRIBUTION, MAP_TILE_URL } from './map-config';

/** The configured tiles, or none (the map still shows markers on a blank background). */
export function MapTiles() {
  return MAP_TILE_URL ? <TileLayer url={MAP_TILE_URL} attribution={MAP_ATTRIBUTION} /> : null;
}
