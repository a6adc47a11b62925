import { HAZARD_PHOTOS_MAX } from '@ankang/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { newClientKey, toastError, toastInfo } from '../../api';
import { choosePhotos, type DraftPhoto, releasePhoto } from '../../features/hazards';
import './hazards.scss';

interface PhotoPickerProps {
  /** The add tile is `#<id>-add`, each remove button `#<id>-remove-<n>`. */
  id: string;
  photos: readonly DraftPhoto[];
  onChange: (photos: DraftPhoto[]) => void;
  max?: number;
  disabled?: boolean;
}

/**
 * Up to nine photos from the camera or the album, shown as a grid; tap one to see it large, × to
 * remove it. Each new photo gets its own client key for its upload.
 */
export function PhotoPicker({ id, photos, onChange, max = HAZARD_PHOTOS_MAX, disabled = false }: PhotoPickerProps) {
  // Called straight from the tap: on H5 the browser opens its file picker only inside a user gesture.
  // No "choosing" lock: a browser that never reports a cancelled picker must not freeze the tile.
  const add = async () => {
    if (disabled) {
      return;
    }
    try {
      const chosen = await choosePhotos(max - photos.length);
      if (chosen.tooLarge > 0) {
        toastInfo(`${chosen.tooLarge} 张照片超过 10 MB，未添加`);
      }
      if (chosen.photos.length > 0) {
        onChange([
          ...photos,
          ...chosen.photos.map((photo) => ({ ...photo, clientKey: newClientKey(), photoId: null })),
        ]);
      }
    } catch (error) {
      toastError(error);
    }
  };

  const remove = (index: number) => {
    releasePhoto(photos[index]);
    onChange(photos.filter((_, position) => position !== index));
  };

  const preview = (index: number) => {
    const urls = photos.map((photo) => photo.path);
    Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined);
  };

  return (
    <View className="photo-grid" id={id}>
      {photos.map((photo, index) => (
        <View className="photo-grid__cell" key={photo.clientKey}>
          <Image className="photo-grid__image" src={photo.path} mode="aspectFill" onClick={() => preview(index)} />
          {disabled ? null : (
            <Text className="photo-grid__remove" id={`${id}-remove-${index}`} onClick={() => remove(index)}>
              ×
            </Text>
          )}
        </View>
      ))}
      {photos.length < max && !disabled ? (
        <View className="photo-grid__cell photo-grid__add" id={`${id}-add`} onClick={() => void add()}>
          <Text className="photo-grid__plus">+</Text>
          <Text className="photo-grid__hint">{photos.length === 0 ? '拍照' : `${photos.length}/${max}`}</Text>
        </View>
      ) : null}
    </View>
  );
}
