import 'leaflet/dist/leaflet.css';

/**
 * The map tiles (`VITE_MAP_TILE_URL` at build time): OpenStreetMap's by default; an empty value shows
 * no tiles (an offline console: markers, areas and point picking still work on a blank map). Tiles
 * must be WGS-84 / Web Mercator ones (OpenStreetMap and its mirrors); Chinese providers' GCJ-02 tiles
 * would draw every point some hundreds of metres off.
 */
const configuredTiles = import.meta.env.VITE_MAP_TILE_URL as string | undefined;
export const MAP_TILE_URL: string | null =
  configuredTiles === undefined
    ? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
    : configuredTiles.trim() || null;
export const MAP_ATTRIBUTION =
  (import.meta.env.VITE_MAP_ATTRIBUTION as string | undefined) ??
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Where a map with nothing on it opens (`VITE_MAP_CENTER`, "lat,lng"; default the demo district). */
function configuredCenter(): [number, number] {
  const [lat, lng] = String(import.meta.env.VITE_MAP_CENTER ?? '')
    .split(',')
    .map(Number);
  return Number.isFinite(lat) && Number.isFinite(lng) && lat !== undefined && lng !== undefined
    ? [lat, lng]
    : [30.66, 104.07];
}
export const DEFAULT_MAP_CENTER = configuredCenter();
export const DEFAULT_MAP_ZOOM = 12;

export interface MapArea {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** Coordinates as the console shows them: 6 decimals, WGS-84. */
export function formatPoint(point: { lat: number; lng: number }): string {
  return `${point.lat.toFixed(6)}, ${point.lng.toFixed(6)}`;
}
