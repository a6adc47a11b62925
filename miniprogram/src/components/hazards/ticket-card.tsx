import type { HazardTicketSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { chinaDateTime } from '../../utils/china-time-format';
import { categoryLabel, gradeLabel, isThreeViolations } from '../../utils/hazard-labels';
import { StateBadge } from './state-badge';
import './hazards.scss';

/** A ticket in a list: code, state, grade, category, what, where, deadline (overdue in orange). */
export function TicketCard({ ticket, onOpen }: { ticket: HazardTicketSummary; onOpen: () => void }) {
  return (
    <View
      className={`ticket-card${ticket.overdue ? ' ticket-card--overdue' : ''}`}
      id={`ticket-${ticket.id}`}
      data-code={ticket.code}
      hoverClass="ticket-card--pressed"
      onClick={onOpen}
    >
      <View className="ticket-card__head">
        <Text className="ticket-card__code">{ticket.code}</Text>
        <StateBadge state={ticket.state} />
      </View>
      <View className="ticket-card__tags">
        {ticket.grade ? (
          <Text className={`tag${ticket.grade === 'major' ? ' tag--orange' : ''}`}>{gradeLabel(ticket.grade)}</Text>
        ) : null}
        <Text className="tag tag--blue">{categoryLabel(ticket.category)}</Text>
        {isThreeViolations(ticket.category) ? <Text className="tag tag--orange">三违</Text> : null}
        {ticket.overdue ? <Text className="tag tag--danger">逾期</Text> : null}
      </View>
      <Text className="ticket-card__description">{ticket.description}</Text>
      <Text className="ticket-card__meta">
        {ticket.workplace.name} · {ticket.enterprise.name}
      </Text>
      <Text className="ticket-card__meta">
        上报 {chinaDateTime(ticket.createdAt)}
        {ticket.deadline ? ` · 期限 ${ticket.deadline}` : ''}
      </Text>
    </View>
  );
}
