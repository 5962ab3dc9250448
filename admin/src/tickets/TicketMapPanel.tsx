import MapIcon from '@mui/icons-material/Map';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Chip,
  Stack,
  Typography,
} from '@mui/material';
import type { LatLngBoundsExpression, Map as LeafletMap } from 'leaflet';
import { useEffect, useState } from 'react';
import { Link, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { CircleMarker, MapContainer, Popup, Rectangle, useMap } from 'react-leaflet';
import { MapTiles } from '../common/MapTiles';
import { DEFAULT_MAP_CENTER, DEFAULT_MAP_ZOOM, type MapArea } from '../common/map-config';
import type { TicketSummary } from '../graphql/types';

type Located = TicketSummary & { location: { lat: number; lng: number } };

/** The view that shows the area filtered on, else every located ticket of the page. */
function initialBounds(area: MapArea | undefined, tickets: Located[]): LatLngBoundsExpression | undefined {
  if (area) {
    return [
      [area.south, area.west],
      [area.north, area.east],
    ];
  }
  if (tickets.length === 0) return undefined;
  const lats = tickets.map((ticket) => ticket.location.lat);
  const lngs = tickets.map((ticket) => ticket.location.lng);
  const pad = 0.002;
  return [
    [Math.min(...lats) - pad, Math.min(...lngs) - pad],
    [Math.max(...lats) + pad, Math.max(...lngs) + pad],
  ];
}

/** Moves the map to `bounds` whenever they change (the page's tickets arrive after the map). */
function FitView({ bounds }: { bounds: LatLngBoundsExpression | undefined }) {
  const map = useMap();
  const key = JSON.stringify(bounds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the bounds' value, not their identity, moves the map
  useEffect(() => {
    if (bounds) map.fitBounds(bounds);
  }, [key, map]);
  return null;
}

/**
 * The ticket list's map: a marker for each ticket of the page that has a location; "search this
 * area" filters the list to the map's visible area (TicketFilter.within).
 */
export function TicketMapPanel() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data = [], filterValues, setFilters, displayedFilters } = useListContext<TicketSummary>();
  const area = filterValues.within as MapArea | undefined;
  const [open, setOpen] = useState(Boolean(area));
  const [map, setMap] = useState<LeafletMap | null>(null);
  const located = data.filter((ticket): ticket is Located => Boolean(ticket.location));
  const bounds = initialBounds(area, located);

  const searchArea = () => {
    if (!map) return;
    const view = map.getBounds();
    const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
    const within = {
      south: clamp(view.getSouth(), 90),
      west: clamp(view.getWest(), 180),
      north: clamp(view.getNorth(), 90),
      east: clamp(view.getEast(), 180),
    };
    setFilters({ ...filterValues, within }, displayedFilters);
  };
  const clearArea = () => {
    const { within: _within, ...rest } = filterValues;
    setFilters(rest, displayedFilters);
  };

  return (
    <Accordion
      expanded={open}
      onChange={(_, expanded) => setOpen(expanded)}
      disableGutters
      elevation={0}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
      data-testid="ticket-map-panel"
    >
      <AccordionSummary expandIcon={<MapIcon />}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">{translate('hotline.map.title')}</Typography>
          {area && (
            <Chip
              size="small"
              color="primary"
              label={translate('hotline.map.area_active')}
              onDelete={clearArea}
              data-testid="map-area-chip"
            />
          )}
        </Stack>
      </AccordionSummary>
      <AccordionDetails>
        {open && (
          <Box data-testid="ticket-map">
            <MapContainer
              ref={setMap}
              center={DEFAULT_MAP_CENTER}
              zoom={DEFAULT_MAP_ZOOM}
              style={{ height: 360, width: '100%' }}
            >
              <MapTiles />
              <FitView bounds={bounds} />
              {area && (
                <Rectangle
                  bounds={[
                    [area.south, area.west],
                    [area.north, area.east],
                  ]}
                  pathOptions={{ weight: 1, fill: false, dashArray: '4' }}
                />
              )}
              {located.map((ticket) => (
                <CircleMarker
                  key={ticket.id}
                  center={[ticket.location.lat, ticket.location.lng]}
                  radius={7}
                  className={`ticket-marker ticket-marker-${ticket.number}`}
                >
                  <Popup>
                    <Link to={createPath({ resource: 'tickets', id: ticket.id, type: 'show' })}>
                      {ticket.number}
                    </Link>
                    <div>{ticket.title}</div>
                  </Popup>
                </CircleMarker>
              ))}
            </MapContainer>
          </Box>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <Button variant="contained" size="small" onClick={searchArea} disabled={!map}>
            {translate('hotline.map.search_area')}
          </Button>
          {area && (
            <Button size="small" onClick={clearArea}>
              {translate('hotline.map.clear_area')}
            </Button>
          )}
          {located.length === 0 && (
            <Typography variant="caption" color="text.secondary">
              {translate('hotline.map.no_tickets_located')}
            </Typography>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}
