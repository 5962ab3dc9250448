import { Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CircleMarker, MapContainer } from 'react-leaflet';
import { MapTiles } from '../common/MapTiles';
import { formatPoint } from '../common/map-config';
import type { Ticket } from '../graphql/types';

/** The ticket's point on a small map, with its coordinates (WGS-84); nothing when it has none. */
export function TicketLocationPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const point = ticket.location;
  if (!point) return null;
  return (
    <Card variant="outlined" data-testid="ticket-location">
      <CardContent>
        <Typography variant="subtitle2">{translate('hotline.map.location')}</Typography>
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="ticket-location-coordinates">
          {formatPoint(point)}
        </Typography>
        <MapContainer center={[point.lat, point.lng]} zoom={16} style={{ height: 220, width: '100%' }}>
          <MapTiles />
          <CircleMarker center={[point.lat, point.lng]} radius={8} className={'ticket-location-marker'} />
        </MapContainer>
      </CardContent>
    </Card>
  );
}
