import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { DownloadedFile } from '../../api';
import { downloadLessonImage } from '../../features/training';
import './training.scss';

/**
 * A lesson's images under its body. They sit behind the bearer token, so each is downloaded
 * (WeChat: a temporary file; H5: an object URL released when the page goes); a tap opens the viewer.
 */
export function LessonImages({ urls, id = 'lesson-images' }: { urls: readonly string[]; id?: string }) {
  const [shown, setShown] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<Record<string, boolean>>({});
  const downloaded = useRef<DownloadedFile[]>([]);
  const key = urls.join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the urls.
  useEffect(() => {
    let current = true;
    for (const url of urls) {
      downloadLessonImage(url).then(
        (file) => {
          downloaded.current.push(file);
          if (current) {
            setShown((files) => ({ ...files, [url]: file.url }));
          }
        },
        () => {
          if (current) {
            setFailed((problems) => ({ ...problems, [url]: true }));
          }
        },
      );
    }
    return () => {
      current = false;
    };
  }, [key]);

  useEffect(
    () => () => {
      for (const file of downloaded.current) {
        file.release();
      }
    },
    [],
  );

  if (urls.length === 0) {
    return null;
  }
  const files = urls.map((url) => shown[url]).filter((file): file is string => Boolean(file));
  return (
    <View className="lesson-images" id={id}>
      {urls.map((url, index) => (
        <View className="lesson-images__item" key={url} id={`${id}-${index}`}>
          {shown[url] ? (
            <Image
              className="lesson-images__image"
              src={shown[url]}
              mode="widthFix"
              onClick={() => Taro.previewImage({ urls: files, current: shown[url] }).catch(() => undefined)}
            />
          ) : (
            <Text className="lesson-images__placeholder">{failed[url] ? '图片加载失败' : '图片加载中…'}</Text>
          )}
        </View>
      ))}
    </View>
  );
}
